// Validates an AsyncAPI document and the files it references; exits 1 on any error.
import { Parser, fromFile } from '@asyncapi/parser';

const path = process.argv[2];
if (!path) {
  console.error('usage: node validate.mjs <asyncapi.yaml>');
  process.exit(2);
}

const diagnostics = await fromFile(new Parser(), path).validate();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const level = ['error', 'warning', 'info', 'hint'][d.severity];
  console.log(`${level}: ${d.message} at ${d.path.join('.')}`);
}
if (errors.length > 0) {
  console.error(`${path}: ${errors.length} error(s)`);
  process.exit(1);
}
console.log(`${path}: valid AsyncAPI ${diagnostics.length ? '(see notes above)' : ''}`);
