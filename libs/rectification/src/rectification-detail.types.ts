// The detail the web reads: declared once in libs/contracts, built by RectificationDetailService.
export type { RectificationDetail, TimelineEntry } from '@rectiflow/contracts';
