// Decides a JSON Lines file of cases in the lab's case format (docs/case-format.md) with iam-simulate's fast
// path, runUnsafeSimulation (its documented "without input validation" entry point), one result line per case.
// iam-simulate is AGPL: it is installed at bench time into a temporary folder, never into this repository, and
// used only through its public API. See docs/performance.md for the commands.
//
//   node bench/iam-simulate/driver.mjs CASES.jsonl > results.jsonl     (NODE_PATH names the folder it is installed in)
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { runUnsafeSimulation } = require(require.resolve('@cloud-copilot/iam-simulate', { paths: (process.env.NODE_PATH || '').split(':').filter(Boolean) }));

const names = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };

function accountOf(arn) {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[4] ? parts[4] : undefined;
}

// The keys AWS sets from the caller, which the lab's engine adds and iam-simulate expects in the request.
function principalKeys(principal) {
  const keys = {};
  const parts = principal.split(':');
  if (parts.length < 6) return keys;
  keys['aws:PrincipalAccount'] = parts[4];
  const [type, ...rest] = parts[5].split('/');
  if (type === 'user') {
    keys['aws:PrincipalArn'] = principal;
    keys['aws:username'] = rest[rest.length - 1];
    keys['aws:PrincipalType'] = 'User';
  } else if (type === 'assumed-role') {
    keys['aws:PrincipalArn'] = `arn:${parts[1]}:iam::${parts[4]}:role/${rest[0]}`;
    keys['aws:PrincipalType'] = 'AssumedRole';
  }
  return keys;
}

const levels = (list, prefix) => (list || []).map((level, i) => ({
  orgIdentifier: `${prefix}-${i}`,
  policies: level.map((policy, j) => ({ name: `${prefix}-${i}-${j}`, policy })),
}));

let total = 0, agree = 0, failed = 0;
const out = [];
const flush = () => { process.stdout.write(out.join('')); out.length = 0; };
const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const c = JSON.parse(line);
  const r = c.request;
  const simulation = {
    request: {
      principal: r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.resourceAccount || accountOf(r.resource) || accountOf(r.principal) },
      contextVariables: { ...principalKeys(r.principal), ...(r.context || {}) },
    },
    identityPolicies: (c.identityPolicies || []).map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: levels(c.serviceControlPolicies, 'scp'),
    resourceControlPolicies: levels(c.resourceControlPolicies, 'rcp'),
    resourcePolicy: c.resourcePolicy,
    permissionBoundaryPolicies: c.permissionsBoundary ? [{ name: 'boundary', policy: c.permissionsBoundary }] : undefined,
    sessionPolicy: c.sessionPolicy,
  };
  let decision = null;
  try {
    decision = names[runUnsafeSimulation(simulation, {})] ?? null;
  } catch {
    failed++;
  }
  total++;
  if (decision === c.expected) agree++;
  out.push(JSON.stringify({ name: c.name, decision }), '\n');
  if (out.length >= 8192) flush();
}
flush();
process.stderr.write(`iam-simulate: ${total} cases, ${agree} as expected, ${failed} failed\n`);
