import { useEffect, useRef, type ReactNode } from 'react';
import type { SourceText } from '@contracts/api';

/**
 * The text the importer extracted, with the span each finding (and recommendation) came from marked. Clicking a
 * mark selects that finding; selecting a finding scrolls its mark into view.
 */
export function SourceTextView({
  source,
  active,
  onPick,
}: {
  source: SourceText;
  active: number | null;
  onPick: (seq: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active === null) return;
    box.current
      ?.querySelector(`[data-finding="${active}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [active]);

  const spans = [
    ...source.findings.map((s) => ({ ...s, kind: 'finding' as const })),
    ...source.recommendations.map((s) => ({ ...s, kind: 'rec' as const })),
  ]
    .filter((s) => s.start >= 0 && s.end > s.start && s.end <= source.text.length)
    .sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping spans: keep the first
    if (s.start > at) parts.push(source.text.slice(at, s.start));
    parts.push(
      s.kind === 'finding' ? (
        <mark
          key={`f${s.seq}`}
          data-finding={s.seq}
          className={active === s.seq ? 'active' : undefined}
          title={`问题 ${s.seq}`}
          onClick={() => onPick(s.seq)}
        >
          {source.text.slice(s.start, s.end)}
        </mark>
      ) : (
        <mark key={`r${s.seq}`} className="rec" title={`建议 ${s.seq}`}>
          {source.text.slice(s.start, s.end)}
        </mark>
      ),
    );
    at = s.end;
  }
  parts.push(source.text.slice(at));
  return (
    <div ref={box} className="source-text" aria-label="原文">
      {parts}
    </div>
  );
}
