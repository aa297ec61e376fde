"""Server-rendered HTML of the provider (Jinja, autoescaped via ``render_template_string``).

Kept deliberately plain: no scripts, every form carries the session's CSRF token in ``csrf_token``.
"""

from __future__ import annotations

LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · CompanyOS</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem} label{display:block;margin:.8rem 0 .2rem} input{width:100%;padding:.45rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem} .error{color:#a40000} .muted{color:#5b6475;font-size:.9rem}
code{background:#eef;padding:0 .3rem}
</style></head><body>
<h1>{{ title }}</h1>
{% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
{{ body }}
</body></html>"""

LOGIN = """<form method="post" action="{{ action }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<input type="hidden" name="next" value="{{ next }}">
<input type="hidden" name="mfa" value="{{ '1' if require_mfa else '' }}">
<label for="username">Username</label>
<input id="username" name="username" autocomplete="username" required value="{{ username }}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<label for="totp">One-time code{% if not require_mfa %} (optional){% endif %}</label>
<input id="totp" name="totp" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}"
  {% if require_mfa %}required{% endif %}>
<button type="submit" name="action" value="login">Sign in</button>
</form>
{% if require_mfa %}<p class="muted">This request needs a second factor.</p>{% endif %}"""

CONSENT = """<p><strong>{{ client_name }}</strong> asks to act as <strong>{{ username }}</strong>.</p>
<p>Requested scopes:</p>
<ul>{% for scope in scopes %}<li><code>{{ scope }}</code></li>{% else %}<li>none</li>{% endfor %}</ul>
<form method="post" action="{{ action }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
<p class="muted">Signed in as {{ username }}. <a href="{{ logout_url }}">Not you?</a></p>"""

DEVICE = """<form method="post" action="{{ action }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<label for="user_code">Code shown on your device</label>
<input id="user_code" name="user_code" required autocomplete="off" value="{{ user_code }}">
{% if client_name %}<p><strong>{{ client_name }}</strong> asks for: {{ scopes|join(", ") or "no scopes" }}</p>{% endif %}
<button type="submit" name="action" value="approve">Approve</button>
<button type="submit" name="action" value="deny">Deny</button>
</form>
<p class="muted">Signed in as {{ username }}.</p>"""

MESSAGE = """<p>{{ message }}</p>"""

LOGOUT = """<form method="post" action="{{ action }}">
<input type="hidden" name="csrf_token" value="{{ csrf_token }}">
<button type="submit">Sign out</button>
</form>"""
