/** One file of GET /rectifications/:id/evidence, with the record (upload) it belongs to. */
export interface EvidenceFileView {
  id: number;
  name: string;
  size: number;
  sha256: string;
  mimeType: string;
  /** the type decided from the content; null for a file the database does not hold (see `downloadable`) */
  detectedType: string | null;
  /** ISO 8601 */
  uploadedAt: string;
  downloadable: boolean;
  evidence: {
    id: number;
    description: string;
    /** YYYY-MM-DD */
    effectiveDate: string;
    addedAt: string;
    addedBy: { userId: number; name: string };
  };
  links: { download: string };
}

/** GET /rectifications/:id/evidence */
export interface EvidenceList {
  items: EvidenceFileView[];
}
