/**
 * Child process that runs the AutoRest test server (devDependency @microsoft.azure/autorest.testserver)
 * on 127.0.0.1 only. The package's own CLI listens on every interface, so this does what its
 * `ApiMockApp.start()` does but binds the listening socket to 127.0.0.1 on a free port (port 0).
 * Argument: the coverage directory (a temporary folder). When listening it sends the parent
 * `{ port, routes }` over IPC: `routes` are the [method, uri, scenario] registrations of the
 * package's newer routes, used to attribute scenarios to Swagger files.
 */
"use strict";
const http = require("node:http");
const { join, dirname } = require("node:path");

const pkg = dirname(require.resolve("@microsoft.azure/autorest.testserver/package.json"));
const dist = (p) => require(join(pkg, "dist", p));

const { logger } = dist("logger");
logger.level = "error";
const { app } = dist("api");
const { requireMockRoutes, ROUTE_FOLDER } = dist("app");
const { MockApiServer } = dist("server");
const { internalRouter } = dist("routes");
const { coverageService } = dist("services");
const { registerLegacyRoutes } = dist("legacy");

async function main() {
  const coverageDirectory = process.argv[2];
  if (coverageDirectory === undefined) throw new Error("launch.cjs: missing the coverage directory argument");
  const mock = new MockApiServer({ port: 0 });
  mock.use("/", internalRouter);
  await requireMockRoutes(ROUTE_FOLDER);
  coverageService.init(coverageDirectory, false);
  registerLegacyRoutes(mock);
  mock.use("/", app.router);
  // MockApiServer.start() calls express's app.listen(port, cb), which binds every interface:
  // replace it on this one express instance with a listen on 127.0.0.1.
  let server;
  mock.app.listen = function listen(port, callback) {
    server = http.createServer(this);
    return server.listen(port, "127.0.0.1", callback);
  };
  mock.start();
  await new Promise((resolve) => server.once("listening", resolve));
  const routes = [];
  for (const [uri, methods] of app.registeredRoutes) {
    for (const [method, name] of Object.entries(methods)) {
      if (name) routes.push([method, uri, name]);
    }
  }
  process.send({ port: server.address().port, routes });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
