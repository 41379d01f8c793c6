import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './app.css';

/** The nonce the API put into index.html for this response; antd's runtime <style> tags carry it (strict CSP). */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App nonce={nonce && nonce !== '__CSP_NONCE__' ? nonce : undefined} />
  </StrictMode>,
);
