export { resolvePeers, type PeerImportOutput, type PeerImportSummary } from './resolve.js';
export { renderPeers, peerFile } from './render.js';
