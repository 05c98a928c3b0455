// A real SMTP server on loopback for the tests (nodemailer's smtp-server): STARTTLS with a self-signed
// certificate made at start (openssl), sign-in optional, each message written to DIR as a .eml file. Prints
// one line of JSON when listening: {"port":N,"thumbprint":"<SHA-256 of the certificate, hex>"}.
// Usage: node smtp-test-server.cjs DIR [--user U --password P] [--refuse ADDRESS] [--drop-after-data ADDRESS] [--busy-once ADDRESS]
const { SMTPServer } = require('smtp-server');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const [dir, ...rest] = process.argv.slice(2);
const option = name => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const user = option('--user');
const password = option('--password');
const refuse = option('--refuse');
const dropAfterData = option('--drop-after-data');
let busyOnce = option('--busy-once');
let received = 0;

const keyFile = path.join(dir, 'key.pem');
const certFile = path.join(dir, 'cert.pem');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
const key = fs.readFileSync(keyFile);
const cert = fs.readFileSync(certFile);

const server = new SMTPServer({
  key,
  cert,
  authOptional: !user,
  disableReverseLookup: true,
  logger: false,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === password) return callback(null, { user });
    return callback(new Error('Invalid username or password'));
  },
  onRcptTo(address, session, callback) {
    if (address.address === refuse) {
      const error = new Error('Mailbox unavailable');
      error.responseCode = 550;
      return callback(error);
    }
    if (address.address === busyOnce) {
      busyOnce = undefined;
      const error = new Error('Try again later');
      error.responseCode = 451;
      return callback(error);
    }
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', chunk => chunks.push(chunk));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map(r => r.address);
      if (to.includes(dropAfterData)) {
        // The message arrived whole, and the connection goes before the server answers: the client cannot know.
        server.connections.forEach(c => c._socket.destroy());
        return;
      }
      received++;
      const file = path.join(dir, `${String(received).padStart(4, '0')}-${to.join(',')}.eml`);
      fs.writeFileSync(file, Buffer.concat(chunks));
      fs.writeFileSync(file + '.json', JSON.stringify({ from: session.envelope.mailFrom.address, to, secure: session.secure, user: session.user ?? null }));
      callback(null, 'Queued');
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const thumbprint = new crypto.X509Certificate(cert).fingerprint256.replace(/:/g, '');
  process.stdout.write(JSON.stringify({ port: server.server.address().port, thumbprint }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
