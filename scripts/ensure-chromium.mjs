// Browser tests drive Debian's Chromium, and screenshots need a CJK font (without one, Chinese
// renders as empty boxes). On a fresh machine neither is installed: install them when we are root
// (CI and the dev machines are), otherwise say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const packages = [
  ...(existsSync(CHROMIUM) ? [] : ['chromium']),
  ...(existsSync(CJK_FONT) ? [] : ['fonts-noto-cjk']),
];

if (packages.length > 0) {
  if (process.getuid?.() === 0) {
    console.log(`[ensure-chromium] installing Debian's ${packages.join(' ')}`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, {
      stdio: 'inherit',
    });
  } else {
    console.error(`[ensure-chromium] missing: ${packages.join(' ')}. Install: sudo apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
}
