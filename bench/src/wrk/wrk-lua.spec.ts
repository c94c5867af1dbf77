import { luaLongString, wrkLuaScript } from './wrk-lua';

describe('wrkLuaScript', () => {
  it('sets method, body and headers once, leaving Content-Length to wrk', () => {
    const script = wrkLuaScript({
      port: 1,
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json', 'Content-Length': '27' },
      body: '{"model":"m","stream":true}',
    });
    expect(script).toBe(
      [
        'wrk.method = "POST"',
        'wrk.body = [[{"model":"m","stream":true}]]',
        'wrk.headers[ [[content-type]] ] = [[application/json]]',
        '',
      ].join('\n'),
    );
  });
});

describe('luaLongString', () => {
  it('picks a bracket level the text cannot close', () => {
    expect(luaLongString('a]]b')).toBe('[=[a]]b]=]');
    expect(luaLongString('a]]b]=]c')).toBe('[==[a]]b]=]c]==]');
  });

  it('keeps a leading newline, which Lua would otherwise drop', () => {
    expect(luaLongString('\nx')).toBe('[[\n\nx]]');
  });
});
