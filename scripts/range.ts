import { runRangeCli } from '../src/cli/range-cli.ts';

process.exitCode = runRangeCli(
  process.argv.slice(2),
  (s) => console.log(s),
  (s) => console.error(s),
);
