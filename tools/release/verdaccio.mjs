// Start verdaccio through its API: `node tools/release/verdaccio.mjs CONFIG HOST PORT`.
// (verdaccio's own CLI refuses Node < 22; its server runs on the Node 20 this repository supports.)
import { runServer } from "verdaccio";

const [config, host, port] = process.argv.slice(2);
const app = await runServer(config);
app.listen(Number(port), host, () => console.log(`verdaccio listening on http://${host}:${port}`));
