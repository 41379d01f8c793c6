import { Transform } from 'class-transformer';

/** Header text: trimmed; an empty string clears the fact (null), like an explicit null. */
export const TrimToNull = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

/** Titles and texts: trimmed, so that "  " is caught by @IsNotEmpty. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
