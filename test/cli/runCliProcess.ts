/** Launches the command line as a real process (through tsx), the way the bin does: main(process.argv). */
import { main } from '../../src/cli/main';

void main(process.argv).then((code) => {
  process.exitCode = code;
});
