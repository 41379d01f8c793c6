/** Some admin routes answer a list, others a page: read either. */
export const listOf = <T>(data: T[] | { items: T[] } | undefined | null): T[] =>
  Array.isArray(data) ? data : (data?.items ?? []);
