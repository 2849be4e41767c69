// Browser tests drive Debian's Chromium. On a fresh machine it is not installed yet:
// install it when we are root (CI and the dev machines are), otherwise say how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log(`[ensure-chromium] ${CHROMIUM} missing: installing Debian's chromium`);
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } else {
    console.error(`[ensure-chromium] ${CHROMIUM} is missing. Install it: sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
