/** The databases overview's page of the list, from its URL (`?start=`): shared by the page and its route loader. */
export const DATABASES_PAGE_SIZE = 100;

export function databaseListPage(params: URLSearchParams) {
  return { start: Math.max(0, Number(params.get('start')) || 0), limit: DATABASES_PAGE_SIZE };
}
