/**
 * The body of the worker thread that runs pdf.js. It is plain JavaScript kept as a string (run with
 * `new Worker(src, { eval: true })`) because pdf.js is an ES module: a real `import()` works in a worker under
 * Jest, tsx and the built dist alike, whereas inside Jest's module sandbox it would not. Running it in a worker
 * also lets the reader bound its heap and kill it on timeout. It only collects raw text items (string, position,
 * size); arranging them into lines and cells is done, typed and tested, by `pdf-layout.ts`.
 */
export const PDF_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
(async () => {
  const { data, pdfjsPath, cMapDir, fontDir, maxPages } = workerData;
  const pdfjs = await import(pathToFileURL(pdfjsPath).href);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: cMapDir,
    cMapPacked: true,
    standardFontDataUrl: fontDir,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  const pageCount = doc.numPages;
  const pages = [];
  for (let n = 1; n <= Math.min(pageCount, maxPages); n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = [];
    for (const it of content.items) {
      if (typeof it.str !== 'string') continue;
      const t = it.transform;
      items.push({ s: it.str, x: t[4], y: t[5], w: it.width, h: it.height || Math.hypot(t[2], t[3]), eol: !!it.hasEOL });
    }
    pages.push(items);
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ ok: true, pageCount, pages });
})().catch((err) => {
  parentPort.postMessage({ ok: false, name: (err && err.name) || 'Error', message: String((err && err.message) || err) });
});
`;
