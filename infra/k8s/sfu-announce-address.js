// Init container of the SFU DaemonSet: finds the address browsers must send media to on THIS node
// and writes it to OUT_FILE; the SFU container exports it as SFU_ANNOUNCED_ADDRESS.
// Order: the node annotation visite.example.org/announced-address (set it when the public IP is
// not in the node object, e.g. 1:1 NAT), the node's ExternalIP, then status.hostIP (HOST_IP: right
// when nodes have their public IP on the interface, as on many bare-metal / HDS hosts).
// Reads GET /api/v1/nodes/<NODE_NAME> with the pod's service account (RBAC: sfu-rbac in sfu.yaml).
'use strict';
const fs = require('node:fs');

const ANNOTATION = 'visite.example.org/announced-address';
const SA = '/var/run/secrets/kubernetes.io/serviceaccount';
const out = process.env.OUT_FILE || '/run/visite/announced-address';

async function nodeAddress() {
  const api = process.env.KUBE_API || `https://${process.env.KUBERNETES_SERVICE_HOST}:${process.env.KUBERNETES_SERVICE_PORT}`;
  const token = fs.readFileSync(process.env.SA_TOKEN_FILE || `${SA}/token`, 'utf8').trim();
  const res = await fetch(`${api}/api/v1/nodes/${encodeURIComponent(process.env.NODE_NAME || '')}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`GET node ${process.env.NODE_NAME}: HTTP ${res.status}`);
  const node = await res.json();
  const annotated = node.metadata?.annotations?.[ANNOTATION];
  if (annotated) return { address: annotated.trim(), source: `annotation ${ANNOTATION}` };
  const external = (node.status?.addresses ?? []).find((a) => a.type === 'ExternalIP');
  if (external) return { address: external.address, source: 'node ExternalIP' };
  return null;
}

async function main() {
  let found = null;
  try {
    found = await nodeAddress();
  } catch (err) {
    console.error(`announce-address: cannot read the node object (${err.message})`);
  }
  if (!found && process.env.HOST_IP) {
    found = { address: process.env.HOST_IP, source: 'status.hostIP (no annotation, no ExternalIP)' };
  }
  if (!found) {
    console.error('announce-address: no address found; set the node annotation ' + ANNOTATION);
    process.exit(1);
  }
  fs.writeFileSync(out, `${found.address}\n`);
  console.log(`announce-address: SFU_ANNOUNCED_ADDRESS=${found.address} (${found.source})`);
}

main();
