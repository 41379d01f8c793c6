/** One page of a list route (`?page=&pageSize=`): the rows and the count over every page. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
