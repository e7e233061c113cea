import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Test helper: headless Chromium driving the customer's pages as a person would (labels, not
 * selectors of implementation details). The receiver's redirect URI is intercepted: the
 * authorization response is read from the URL fragment the browser lands on.
 */
export const CHROMIUM_PATH = process.env.PONTE_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserSession {
  page: Page;
  /** Resolves with the URL (fragment included) the browser is redirected to at the receiver. */
  callback: Promise<URL>;
  close(): Promise<void>;
}

const CALLBACK_TIMEOUT_MS = 30_000;

/** A fresh browser context (no cookies) that trusts nothing but still opens the test CA's sites. */
export async function openSession(browser: Browser, receiverOrigin: string): Promise<BrowserSession> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'pt-BR' });
  const page = await context.newPage();
  const { promise: callback, resolve, reject } = Promise.withResolvers<URL>();
  await page.route(`${receiverOrigin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><title>receptor</title>' }),
  );
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith(receiverOrigin)) resolve(new URL(frame.url()));
  });
  // Never wait forever for a redirect that will not come: say where the customer got stuck.
  const timer = setTimeout(() => {
    void page
      .locator('body')
      .innerText({ timeout: 2_000 })
      .catch(() => '(page unreadable)')
      .then((text) =>
        reject(
          new Error(
            `no redirect to ${receiverOrigin} within ${CALLBACK_TIMEOUT_MS} ms; stuck at ${page.url()}: ${text.slice(0, 300)}`,
          ),
        ),
      );
  }, CALLBACK_TIMEOUT_MS);
  void callback.finally(() => clearTimeout(timer)).catch(() => {});
  return {
    page,
    callback,
    close: async () => {
      clearTimeout(timer);
      await context.close();
    },
  };
}

/**
 * Fills the login form (fields `cpf` and `password`, found by their labels), submits it and
 * waits for the next document, so that a following step never acts on the page being left.
 */
export async function logIn(page: Page, cpf: string, password: string): Promise<void> {
  await page.getByLabel('CPF').fill(cpf);
  await page.getByLabel('Senha').fill(password);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Entrar' }).click()]);
}
