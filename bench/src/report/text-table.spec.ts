import { textTable } from './text-table';

describe('textTable', () => {
  it('pads text left-aligned and numbers right-aligned under a separator', () => {
    expect(
      textTable([
        ['name', 'rps'],
        ['proxy', '12.5'],
        ['gateway stream', '3'],
      ]),
    ).toBe(
      ['name            rps', '--------------  ----', 'proxy           12.5', 'gateway stream     3'].join(
        '\n',
      ),
    );
  });
});
