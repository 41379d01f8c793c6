import { Grid } from 'antd';

/** Below antd's md breakpoint (768 px): cards instead of wide tables. */
export function usePhone(): boolean {
  return !Grid.useBreakpoint().md;
}
