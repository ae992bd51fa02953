// `npm run hub:admin -- <command>`: the brand's people manage stores and terminals from a shell.
import { CliError, runCli } from './cli-commands';

runCli(process.argv.slice(2), process.env).then(
  (out) => console.log(out),
  (error: unknown) => {
    console.error(error instanceof CliError ? error.message : error);
    process.exit(1);
  },
);
