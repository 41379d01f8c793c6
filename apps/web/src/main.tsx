import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './app.css';

/** The nonce the API put into index.html for this response; antd's runtime <style> tags carry it (strict CSP). */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

// Not every library that writes a <style> at run time takes the nonce from ConfigProvider (the modal's scroll
// lock, for one): give it to every <style> this page creates. Only this origin's scripts run (script-src 'self').
if (nonce && nonce !== '__CSP_NONCE__') {
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (
    this: Document,
    tag: string,
    options?: ElementCreationOptions,
  ) {
    const el = create.call(this, tag, options);
    if (tag.toLowerCase() === 'style') el.setAttribute('nonce', nonce);
    return el;
  } as typeof Document.prototype.createElement;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App nonce={nonce && nonce !== '__CSP_NONCE__' ? nonce : undefined} />
  </StrictMode>,
);
