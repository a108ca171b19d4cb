// Lighthouse on several pages from one Node.js process (loading Lighthouse costs seconds per process), each page in a
// Chromium of its own as the command line would run it (a shared one remembers the first page's favicon, so a later
// page's console errors could differ).
// Usage: node pages.mjs <categories,comma-separated> '<chromium flags>' <url> <report.json> [<url> <report.json>]...
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [categories, flags, ...pages] = process.argv.slice(2);
for (let i = 0; i < pages.length; i += 2) {
  const chrome = await chromeLauncher.launch({chromeFlags: flags.split(' ')});
  try {
    const result = await lighthouse(pages[i], {port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: categories.split(',')});
    fs.writeFileSync(pages[i + 1], result.report);
  } finally {
    await chrome.kill();
  }
}
