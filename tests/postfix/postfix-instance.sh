#!/usr/bin/env bash
# A private Postfix on 127.0.0.1 for the integration tests, in its own folder, never the system's instance.
#
#   tests/postfix/postfix-instance.sh install   apt-get install postfix sasl2-bin libsasl2-modules openssl (as root)
#   tests/postfix/postfix-instance.sh start     write the configuration, start Postfix, wait until it answers
#   tests/postfix/postfix-instance.sh stop      stop it
#   tests/postfix/postfix-instance.sh env       print the variables the tests read
#
# The instance (folder: $POSTFIX_TEST_DIR, default /tmp/smtp-relay-classifier-postfix):
#   127.0.0.1:2525  STARTTLS offered, AUTH offered with or without TLS
#   127.0.0.1:2587  STARTTLS and AUTH required (a submission listener)
#   mynetworks = 127.0.0.2/32: a client connecting from 127.0.0.2 is "the provider's own network";
#   from 127.0.0.1 it is an outsider.
#   Relay restrictions: permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination.
#   Users (Cyrus SASL, sasldb): alice / alice-secret owns alice@test.example; bob / bob-secret owns bob@test.example.
#   Every message is delivered to the discard transport, except (transport_maps) so that Postfix writes real failures:
#     relaytest.example -> 127.0.0.1:2526, a second smtpd (mx.remote.example) that relays for no one ("Relay access denied")
#     refused.example   -> 127.0.0.1:2599, where nothing listens (deferred: "Connection refused")
#     unknown.example   -> error:5.1.1 (bounced: "User unknown")
#     bounces.example   -> 127.0.0.1:2527, where a test listens to capture the bounces Postfix sends
set -euo pipefail

DIR=${POSTFIX_TEST_DIR:-/tmp/smtp-relay-classifier-postfix}
PORT=${POSTFIX_TEST_PORT:-2525}
SUBMISSION_PORT=${POSTFIX_TEST_SUBMISSION_PORT:-2587}
REMOTE_PORT=${POSTFIX_TEST_REMOTE_PORT:-2526}
CAPTURE_PORT=${POSTFIX_TEST_CAPTURE_PORT:-2527}
DOMAIN=test.example

install() {
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  apt-get update -qq
  apt-get install -y -qq postfix sasl2-bin libsasl2-modules openssl >/dev/null
  # The package may have started a system instance; this one is ours alone.
  postfix stop >/dev/null 2>&1 || true
}

configure() {
  rm -rf "$DIR"
  mkdir -p "$DIR/spool" "$DIR/data" "$DIR/sasl"
  chown postfix:postfix "$DIR/data"

  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=mail.$DOMAIN" \
    -keyout "$DIR/key.pem" -out "$DIR/cert.pem" >/dev/null 2>&1
  chmod 600 "$DIR/key.pem"

  cat > "$DIR/sasl/smtpd.conf" <<CONF
pwcheck_method: auxprop
auxprop_plugin: sasldb
mech_list: PLAIN LOGIN
sasldb_path: $DIR/sasldb2
CONF
  echo "alice-secret" | saslpasswd2 -p -c -f "$DIR/sasldb2" -u "$DOMAIN" alice
  echo "bob-secret" | saslpasswd2 -p -c -f "$DIR/sasldb2" -u "$DOMAIN" bob
  chgrp postfix "$DIR/sasldb2"
  chmod 640 "$DIR/sasldb2"

  # Cyrus reports the login as user@realm, so the map's owners are written that way.
  cat > "$DIR/sender_login" <<MAP
alice@$DOMAIN alice@$DOMAIN
bob@$DOMAIN bob@$DOMAIN
MAP

  cat > "$DIR/transport" <<MAP
relaytest.example smtp:[127.0.0.1]:$REMOTE_PORT
refused.example smtp:[127.0.0.1]:2599
unknown.example error:5.1.1 User unknown
bounces.example smtp:[127.0.0.1]:$CAPTURE_PORT
MAP

  cat > "$DIR/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $DIR/spool
data_directory = $DIR/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.$DOMAIN
mydomain = $DOMAIN
myorigin = $DOMAIN
mydestination = $DOMAIN
local_recipient_maps =
mynetworks = 127.0.0.2/32
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
smtpd_peername_lookup = no
smtpd_banner = \$myhostname ESMTP test instance
maillog_file_prefixes = $DIR
maillog_file = $DIR/maillog
biff = no
local_transport = discard:
default_transport = discard:
relay_transport = discard:
transport_maps = texthash:$DIR/transport
smtp_connect_timeout = 5s
bounce_queue_lifetime = 0
maximal_queue_lifetime = 1h
smtpd_tls_cert_file = $DIR/cert.pem
smtpd_tls_key_file = $DIR/key.pem
smtpd_tls_security_level = may
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = cyrus
smtpd_sasl_path = smtpd
cyrus_sasl_config_path = $DIR/sasl
smtpd_sasl_local_domain = $DOMAIN
smtpd_tls_auth_only = no
smtpd_sender_login_maps = texthash:$DIR/sender_login
smtpd_sender_restrictions = reject_sender_login_mismatch
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = permit
CONF

  cat > "$DIR/master.cf" <<CONF
127.0.0.1:$PORT inet n - n - - smtpd
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$REMOTE_PORT inet n - n - - smtpd
  -o myhostname=mx.remote.example
  -o mynetworks=
  -o smtpd_sasl_auth_enable=no
  -o smtpd_sender_restrictions=
  -o smtpd_relay_restrictions=reject_unauth_destination
pickup    unix n - n 60 1 pickup
cleanup   unix n - n - 0 cleanup
qmgr      unix n - n 300 1 qmgr
tlsmgr    unix - - n 1000? 1 tlsmgr
rewrite   unix - - n - - trivial-rewrite
bounce    unix - - n - 0 bounce
defer     unix - - n - 0 bounce
trace     unix - - n - 0 bounce
verify    unix - - n - 1 verify
flush     unix n - n 1000? 0 flush
proxymap  unix - - n - - proxymap
smtp      unix - - n - - smtp
relay     unix - - n - - smtp
showq     unix n - n - - showq
error     unix - - n - - error
retry     unix - - n - - error
discard   unix - - n - - discard
local     unix - n n - - local
anvil     unix - - n - 1 anvil
scache    unix - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
CONF
}

wait_until_answers() {
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  echo "Postfix did not answer on 127.0.0.1:$PORT; its log:" >&2
  cat "$DIR/maillog" >&2 2>/dev/null || true
  return 1
}

# Postfix writes its errors to stderr only when it is a terminal; on failure, run the command again under script(1).
postfix_cmd() {
  if ! postfix -c "$DIR" "$@"; then
    script -qc "postfix -c $DIR $*" /dev/null >&2 || true
    return 1
  fi
}

start() {
  command -v postfix >/dev/null || { echo "postfix is not installed: run '$0 install' as root" >&2; exit 1; }
  stop >/dev/null 2>&1 || true
  configure
  postfix_cmd check
  postfix_cmd start
  wait_until_answers
  echo "Postfix test instance up: 127.0.0.1:$PORT and :$SUBMISSION_PORT, log $DIR/maillog"
}

stop() {
  if [ -f "$DIR/main.cf" ]; then
    postfix -c "$DIR" stop || true
  fi
}

env() {
  echo "POSTFIX_TEST_HOST=127.0.0.1"
  echo "POSTFIX_TEST_PORT=$PORT"
  echo "POSTFIX_TEST_SUBMISSION_PORT=$SUBMISSION_PORT"
  echo "POSTFIX_TEST_DIR=$DIR"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  env) env ;;
  *) echo "usage: $0 install|start|stop|env" >&2; exit 2 ;;
esac
