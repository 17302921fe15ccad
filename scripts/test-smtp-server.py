#!/usr/bin/env python3
"""A small real SMTP server for the tests: it speaks SMTP over TCP on loopback (EHLO, AUTH PLAIN and LOGIN,
MAIL, RCPT, DATA, RSET, NOOP, QUIT) and writes each message it accepts to MAILDIR as an .eml file, with the
envelope and the user who authenticated in X-Test-* headers. It keeps nothing else and sends nothing on.

Usage: test-smtp-server.py PORT MAILDIR   (PORT 0 picks a free port; the port is printed on the first line)
"""
import asyncio, base64, os, sys, itertools

counter = itertools.count(1)


async def session(reader, writer, maildir):
    def say(line):
        writer.write((line + "\r\n").encode())

    say("220 safeguard-test-smtp ready")
    sender, recipients, user = None, [], None
    while True:
        raw = await reader.readline()
        if not raw:
            break
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        verb = line[:4].upper()
        if verb in ("EHLO", "HELO"):
            say("250-safeguard-test-smtp" if verb == "EHLO" else "250 safeguard-test-smtp")
            if verb == "EHLO":
                say("250-AUTH PLAIN LOGIN")
                say("250 8BITMIME")
        elif verb == "AUTH":
            parts = line.split()
            if len(parts) >= 2 and parts[1].upper() == "PLAIN":
                token = parts[2] if len(parts) > 2 else None
                if token is None:
                    say("334 ")
                    await writer.drain()
                    token = (await reader.readline()).decode().strip()
                fields = base64.b64decode(token).split(b"\0")
                user = fields[1].decode() if len(fields) > 1 else ""
                say("235 2.7.0 Authentication successful")
            elif len(parts) >= 2 and parts[1].upper() == "LOGIN":
                say("334 VXNlcm5hbWU6")
                await writer.drain()
                user = base64.b64decode((await reader.readline()).strip()).decode()
                say("334 UGFzc3dvcmQ6")
                await writer.drain()
                await reader.readline()
                say("235 2.7.0 Authentication successful")
            else:
                say("504 5.5.4 Unrecognised authentication type")
        elif verb == "MAIL":
            sender, recipients = line.split(":", 1)[1].strip(), []
            say("250 2.1.0 OK")
        elif verb == "RCPT":
            recipients.append(line.split(":", 1)[1].strip())
            say("250 2.1.5 OK")
        elif verb == "DATA":
            say("354 End data with <CR><LF>.<CR><LF>")
            await writer.drain()
            body = []
            while True:
                data = await reader.readline()
                if data in (b".\r\n", b".\n", b""):
                    break
                body.append(data[1:] if data.startswith(b"..") else data)
            name = os.path.join(maildir, f"{os.getpid()}-{next(counter):06d}.eml")
            headers = f"X-Test-Mail-From: {sender}\r\nX-Test-Rcpt-To: {', '.join(recipients)}\r\nX-Test-Auth-User: {user or ''}\r\n"
            with open(name + ".part", "wb") as f:
                f.write(headers.encode() + b"".join(body))
            os.replace(name + ".part", name)
            say("250 2.0.0 Queued")
        elif verb == "RSET":
            sender, recipients = None, []
            say("250 2.0.0 OK")
        elif verb == "NOOP":
            say("250 2.0.0 OK")
        elif verb == "QUIT":
            say("221 2.0.0 Bye")
            await writer.drain()
            break
        else:
            say("502 5.5.2 Command not recognised")
        await writer.drain()
    writer.close()


async def main():
    port, maildir = int(sys.argv[1]), sys.argv[2]
    os.makedirs(maildir, exist_ok=True)
    server = await asyncio.start_server(lambda r, w: session(r, w, maildir), "127.0.0.1", port)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
