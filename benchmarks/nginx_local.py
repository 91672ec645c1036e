"""deploy/nginx/symptomdb.conf made runnable on loopback, for the benchmarks and the tests.

    python benchmarks/nginx_local.py --dir DIR --https-port N --http-port N \
        --static HOME/static --server 127.0.0.1:8001 --server 127.0.0.1:8002

writes DIR/nginx.conf (a main file for `nginx -p DIR -c DIR/nginx.conf`, running as
the current user with its files under DIR), DIR/conf.d/ with the deployment's file
where only the ports, the certificate, the static folder and the upstream servers are
replaced, and a self-signed certificate for symptoms.example.org made with openssl.
Everything else — TLS, the forwarded headers, the retries — is the file people run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "deploy" / "nginx" / "symptomdb.conf"
HOST = "symptoms.example.org"

MAIN = """\
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
daemon off;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    include {dir}/conf.d/*.conf;
}}
"""


def render(
    directory: Path, https_port: int, http_port: int, static: Path, servers: list[str]
) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "conf.d").mkdir(exist_ok=True)
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (directory / "tmp" / name).mkdir(parents=True, exist_ok=True)
    cert, key = directory / "cert.pem", directory / "key.pem"
    if not cert.exists():
        subprocess.run(  # noqa: S603 - fixed arguments
            [
                shutil.which("openssl") or "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                f"/CN={HOST}",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
        )
    site = SITE.read_text()
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;\n", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen [::]:443 ssl http2;\n", ""),
        ("/etc/ssl/symptomdb/fullchain.pem", str(cert)),
        ("/etc/ssl/symptomdb/privkey.pem", str(key)),
        ("/var/lib/symptomdb/static/", f"{static.resolve()}/"),
        (
            "return 301 https://$host$request_uri;",
            f"return 301 https://$host:{https_port}$request_uri;",
        ),
    ):
        if old not in site:
            raise SystemExit(
                f"deploy/nginx/symptomdb.conf no longer has {old!r}: update {__file__}."
            )
        site = site.replace(old, new)
    (directory / "conf.d" / "symptomdb.conf").write_text(site)
    lines = "".join(f"    server {server} max_fails=3 fail_timeout=10s;\n" for server in servers)
    (directory / "conf.d" / "upstream.conf").write_text(f"upstream symptomdb_app {{\n{lines}}}\n")
    (directory / "nginx.conf").write_text(MAIN.format(dir=directory.resolve()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--https-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--static", type=Path, required=True)
    parser.add_argument("--server", action="append", required=True, help="host:port, repeated")
    args = parser.parse_args()
    render(args.dir, args.https_port, args.http_port, args.static, args.server)


if __name__ == "__main__":
    main()
