/** Headless Chromium for the toolbar tests: launching it (or saying why not) and waiting on page text. */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Launches headless Chromium, or returns why it cannot (the suite then skips with that reason). */
export async function launchChromium(): Promise<Browser | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (install it: apt-get install -y chromium, or set CHROMIUM_PATH)`;
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm install -D playwright-core)';
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 20_000 });
}

/** Waits until the element's text is `text`; fails with the text it last had and the page's event log. */
export async function expectText(page: Page, selector: string, text: string, timeoutMs = 5000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent === want,
      [selector, text] as const,
      { timeout: timeoutMs },
    );
  } catch {
    const actual = await page.textContent(selector);
    expect(actual, `${selector} after ${timeoutMs} ms (log: ${await page.textContent('#log')})`).to.equal(text);
  }
}
