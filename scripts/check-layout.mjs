// `npm run check:layout`: dependency-cruiser with the rules of .dependency-cruiser.cjs over src/ and webview/.
// It runs through dependency-cruiser's API (17.x, the last line that declares Node 20, which this project supports:
// 18.x asks for Node 22 and made `npm ci` warn). `npx depcruise src webview` gives the same answer.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTsConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const result = await cruise(['src', 'webview'], { ...options, outputType: 'err' }, undefined, {
  tsConfig: extractTsConfig(options.tsConfig.fileName),
});
process.stdout.write(String(result.output));
process.exit(result.exitCode === 0 ? 0 : 1);
