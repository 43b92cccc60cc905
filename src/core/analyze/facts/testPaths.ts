/**
 * Test code: its flags, environment variables and fixtures (fake tokens and passwords) are not the program's
 * interface, so interface and vocabulary facts skip it. `unsafe` from the trees and test facts still read it.
 */
const TEST_PATH = /(^|\/)(t|tests?|testing|__tests__|spec|specs|fixtures?|testdata|snapshots?|e2e|playground)\/|(^|\/)(test_[^/]+|[^/]+_test|conftest)\.py$|_test\.(go|rs|c|cc|cpp)$|\.(test|spec|bench)\.[cm]?[jt]sx?$|Tests?\.java$/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
