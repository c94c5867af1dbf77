/** Awaits a call that must fail and returns what it threw, as the type the caller expects. */
export async function rejectionOf<E>(call: Promise<unknown> | (() => Promise<unknown>)): Promise<E> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to fail, it succeeded');
}
