"""The gateway's REST API for the seed scripts: development tokens from local/token.sh (cached,
fetched again before they expire), JSON in and out, waits on 429 as the gateway's Retry-After says.
Standard library only."""
import datetime
import email.utils
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

TOKEN_SCRIPT = Path(__file__).resolve().parent / "token.sh"
# Tokens live ten minutes; fetch a new one after five.
TOKEN_MAX_AGE_SECONDS = 5 * 60
MAX_RATE_LIMIT_RETRIES = 60
DEFAULT_RETRY_AFTER_SECONDS = 1.0
HTTP_TIMEOUT_SECONDS = 300


class Gateway:
    """Calls as a development client: WHO is (country or None, role)."""

    def __init__(self, base_url, name):
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.tokens = {}

    def token(self, who):
        cached = self.tokens.get(who)
        if cached and time.monotonic() - cached[1] < TOKEN_MAX_AGE_SECONDS:
            return cached[0]
        country, role = who
        args = [str(TOKEN_SCRIPT), "--role", role] + (["--country", country] if country else [])
        done = subprocess.run(args, capture_output=True, text=True)
        token = done.stdout.strip()
        if done.returncode != 0 or not token:
            sys.stderr.write(done.stderr)
            sys.exit(f"{self.name}: no token for {country or ''} {role}")
        self.tokens[who] = (token, time.monotonic())
        return token

    def call(self, method, path, who, body=None):
        """(status, parsed JSON or text). BODY is a dict, bytes or None."""
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        for _ in range(MAX_RATE_LIMIT_RETRIES + 1):
            request = urllib.request.Request(self.base_url + path, data=data, method=method)
            request.add_header("Authorization", "Bearer " + self.token(who))
            request.add_header("Accept", "application/json")
            if data is not None:
                request.add_header("Content-Type", "application/json")
            try:
                with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
                    return response.status, parse(response.read())
            except urllib.error.HTTPError as error:
                text = error.read()
                if error.code == 429:
                    time.sleep(retry_after(error.headers.get("Retry-After")))
                    continue
                return error.code, parse(text)
            except (urllib.error.URLError, OSError) as error:
                sys.exit(f"{self.name}: {method} {self.base_url + path} failed: {error}")
        sys.exit(f"{self.name}: {method} {path} still rate-limited after {MAX_RATE_LIMIT_RETRIES} retries")


def parse(raw):
    """JSON if it is JSON, else the text (for error messages)."""
    text = raw.decode("utf-8", errors="replace")
    try:
        return json.loads(text) if text.strip() else {}
    except json.JSONDecodeError:
        return text


def retry_after(header):
    """Seconds to wait from a Retry-After header (seconds or an HTTP date)."""
    if not header:
        return DEFAULT_RETRY_AFTER_SECONDS
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
        return max(0.0, (when - datetime.datetime.now(when.tzinfo)).total_seconds())
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER_SECONDS
