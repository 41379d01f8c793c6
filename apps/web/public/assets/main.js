/** Boot and hash routing. Every page is a function (route) → Node; a stale render is dropped, never shown. */

import { h, errorBox, loading, replace } from './dom.js';
import { HOME, matchRoute } from './routes.js';
import { session } from './session.js';
import { evaluationsPage } from './views/evaluations.js';
import { evaluationPage } from './views/evaluation.js';
import { importPage } from './views/import.js';
import { issuePage } from './views/issue.js';
import { ledgerPage } from './views/ledger.js';
import { loginPage } from './views/login.js';
import { notificationsPage } from './views/notifications.js';
import { rectificationPage } from './views/rectification.js';
import { renderHeader } from './views/layout.js';

const PAGES = {
  login: loginPage,
  evaluations: evaluationsPage,
  evaluation: evaluationPage,
  import: importPage,
  issue: issuePage,
  ledger: ledgerPage,
  rectification: rectificationPage,
  notifications: notificationsPage,
};

const main = document.getElementById('main');
let current = 0;
/** Where to go after signing in (the address asked for before the login page). */
let afterLogin = null;
let loginMessage = null;

/** Navigate; re-render when the address is already the target (hashchange would not fire). */
export function go(hash) {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

async function render() {
  const route = matchRoute(location.hash);
  if (!session.token && route.name !== 'login') {
    afterLogin = location.hash || null;
    return go('#/login');
  }
  if (session.token && route.name === 'login') return go(afterLogin || `#${HOME}`);
  const mine = ++current;
  renderHeader(route);
  replace(main, loading());
  const page = PAGES[route.name];
  let node;
  try {
    node = page
      ? await page(route, {
          isCurrent: () => mine === current,
          go,
          afterLogin: () => afterLogin || `#${HOME}`,
          loginMessage: () => loginMessage,
        })
      : h(
          'section',
          {},
          h('h1', { tabindex: '-1' }, '页面不存在'),
          h('p', {}, h('a', { href: `#${HOME}` }, '返回评价列表')),
        );
  } catch (err) {
    node = h('section', {}, h('h1', { tabindex: '-1' }, '无法加载'), errorBox(err));
  }
  if (mine !== current) return;
  loginMessage = null;
  replace(main, node);
  const title = main.querySelector('h1');
  document.title = `${title ? `${title.textContent} · ` : ''}绩效评价问题整改跟踪`;
  // Move focus to the new page's heading (or its first field) so keyboard and screen-reader users land there.
  (main.querySelector('[data-autofocus]') ?? title)?.focus();
}

session.onChange((reason) => {
  if (reason === 'login') {
    const target = afterLogin || `#${HOME}`;
    afterLogin = null;
    return go(target);
  }
  if (reason === 'expired') {
    loginMessage = '登录已失效，请重新登录';
    if (!location.hash.startsWith('#/login')) afterLogin = location.hash;
  }
  if (reason === 'logout') afterLogin = null;
  go('#/login');
});

async function boot() {
  try {
    await session.restore();
  } catch {
    loginMessage = '无法恢复登录状态，请重新登录';
  }
  window.addEventListener('hashchange', () => void render());
  await render();
}

void boot();
