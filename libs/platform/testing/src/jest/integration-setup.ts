// Integration tests wait on real servers (consumer-group joins, broker restarts); Jest's 5 s default is
// for unit tests. Each test still ends on its own conditions; this is only the outer bound.
jest.setTimeout(300_000);
