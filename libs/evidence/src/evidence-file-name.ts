/** Extensions that name the same detected type (a JPEG may be called .jpeg). */
const SAME: Record<string, string[]> = { jpg: ['jpg', 'jpeg'] };

/**
 * The stored and served name carries the extension of the type the content was detected as: `poly.html` holding
 * a PDF is kept and downloaded as `poly.pdf`, so no program opens it by a name that contradicts its bytes.
 * Unknown detections keep the name.
 */
export function withDetectedExtension(name: string, detectedType: string | null | undefined): string {
  if (!detectedType || detectedType === 'unknown' || !/^[a-z0-9]{2,5}$/.test(detectedType)) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if ((SAME[detectedType] ?? [detectedType]).includes(ext)) return name;
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${detectedType}`;
}
