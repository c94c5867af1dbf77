import { GatewayError } from '@switchboard/common/errors';
import { parseListQuery } from './list-query';

describe('parseListQuery', () => {
  it('defaults to page 1 of 20', () => {
    expect(parseListQuery({})).toEqual({ page: 1, pageSize: 20, model: undefined });
  });

  it('reads page, page_size and model', () => {
    expect(parseListQuery({ page: '3', page_size: '100', model: 'gpt-*' })).toEqual({
      page: 3,
      pageSize: 100,
      model: 'gpt-*',
    });
  });

  it.each([
    [{ page_size: '101' }, ['page_size']],
    [{ page_size: '0' }, ['page_size']],
    [{ page: '0', page_size: '-1' }, ['page', 'page_size']],
    [{ page: '1.5' }, ['page']],
    [{ page: ['1', '2'] }, ['page']],
    [{ model: '' }, ['model']],
    [{ model: ['a', 'b'] }, ['model']],
  ])('rejects %j', (query, paths) => {
    try {
      parseListQuery(query);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).details.map((detail) => detail.path)).toEqual(paths);
    }
  });
});
