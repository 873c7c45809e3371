// Runs the CLI from source in a child process, as the bin does from dist/.
import { main } from "../../src/cli/main.js";

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
