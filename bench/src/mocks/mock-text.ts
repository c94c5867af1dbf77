/** The answer both mocks give: about 200 tokens, split into 50 stream deltas whose concatenation is the text. */
const WORDS =
  'switchboard routes every request through one hop that converts between protocols while keeping latency low and memory flat under sustained load'.split(
    ' ',
  );

function buildText(wordCount: number): string {
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(WORDS[i % WORDS.length]);
  return words.join(' ') + '.';
}

export const MOCK_TEXT = buildText(170);
export const MOCK_DELTA_COUNT = 50;
export const MOCK_INPUT_TOKENS = 25;
export const MOCK_OUTPUT_TOKENS = 200;

function splitEvenly(text: string, parts: number): string[] {
  const size = Math.ceil(text.length / parts);
  const pieces: string[] = [];
  for (let i = 0; i < parts; i++) pieces.push(text.slice(i * size, (i + 1) * size));
  return pieces.filter((piece) => piece.length > 0);
}

export const MOCK_DELTAS = splitEvenly(MOCK_TEXT, MOCK_DELTA_COUNT);
