// Fails fast, with a clear message, when the real services the e2e suite needs are not there.
const net = require('node:net');

function reachable(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 2000 }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

module.exports = async () => {
  const redis = new URL(process.env.TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  if (!(await reachable(redis.hostname, Number(redis.port || 6379)))) {
    throw new Error(`e2e tests need Redis at ${redis.host} (start it with: redis-server --daemonize yes)`);
  }
  if (process.env.TEST_DATABASE_URL) {
    const pg = new URL(process.env.TEST_DATABASE_URL);
    if (!(await reachable(pg.hostname, Number(pg.port || 5432)))) {
      throw new Error(`TEST_DATABASE_URL is set but PostgreSQL at ${pg.host} is not reachable`);
    }
  }
};
