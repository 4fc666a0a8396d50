// Jest: unit, emulator, integration and browser suites run by default; the reliability soak runs as its own project
// (`npm run test:reliability`), and CI runs a fixed set of its seeds through the default suite.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'default',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/test/reliability/'],
    },
    { ...common, displayName: 'reliability', testMatch: ['<rootDir>/test/reliability/**/*.test.ts'] },
  ],
};
