import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provenance of imported drafts: the text the importer extracted from the source document (with its format's
 * facts: OCR'd or not, pages), and for each finding and recommendation the span of that text it came from and
 * the parser's confidence. All nullable: drafts made by hand, and those imported before, have none.
 */
export class AddSourceTextAndProvenance1765100000000 implements MigrationInterface {
  name = 'AddSourceTextAndProvenance1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_document
      ADD COLUMN extractedText MEDIUMTEXT NULL,
      ADD COLUMN ocr TINYINT(1) NOT NULL DEFAULT 0,
      ADD COLUMN pages INT NULL`);
    for (const table of ['finding', 'recommendation']) {
      await q.query(`ALTER TABLE ${table}
        ADD COLUMN spanStart INT NULL,
        ADD COLUMN spanEnd INT NULL,
        ADD COLUMN confidence JSON NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['finding', 'recommendation']) {
      await q.query(
        `ALTER TABLE ${table} DROP COLUMN spanStart, DROP COLUMN spanEnd, DROP COLUMN confidence`,
      );
    }
    await q.query(
      'ALTER TABLE source_document DROP COLUMN extractedText, DROP COLUMN ocr, DROP COLUMN pages',
    );
  }
}
