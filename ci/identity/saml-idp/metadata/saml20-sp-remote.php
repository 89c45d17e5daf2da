<?php
/*
 * Service providers this IdP answers to. SimpleSAMLphp refuses an AuthnRequest whose issuer (or
 * ACS URL) is not registered, and the tests start their SPs on any port: so every `*.json` file
 * of the folder $SAML_IDP_SP_DIR (default <run dir>/sp, i.e. ci/identity/saml-idp/run/sp) is
 * one SP, read at each request (no restart needed). A test drops a file such as
 *   {"entityId": "http://127.0.0.1:41234/saml/metadata",
 *    "acsUrl":   "http://127.0.0.1:41234/saml/acs",
 *    "nameIdFormat": "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",   (optional, this default)
 *    "nameIdAttribute": "personId",                                          (optional, this default)
 *    "attributes": ["uid", "mail", ...],                                      (optional: all by default)
 *    "sloUrl": "http://127.0.0.1:41234/saml/slo",   (optional: the SP's SingleLogoutService, HTTP-Redirect)
 *    "certPem": "-----BEGIN CERTIFICATE-----...",    (optional: the SP's signing certificate)
 *    "sign.logout": true,                           (optional, default true: LogoutResponses/Requests signed)
 *    "validate.logout": true}                       (optional, default true when certPem is given)
 * Responses and assertions are both signed (node-saml 5 wants both by default).
 */
$run = getenv('SAML_IDP_RUN_DIR') ?: dirname(__DIR__) . '/run';
$spDir = getenv('SAML_IDP_SP_DIR') ?: $run . '/sp';

foreach (glob($spDir . '/*.json') ?: [] as $file) {
    $sp = json_decode((string) file_get_contents($file), true);
    if (!is_array($sp) || !isset($sp['entityId'], $sp['acsUrl'])) {
        continue; // a half-written or foreign file: ignored
    }
    $entry = [
        'AssertionConsumerService' => [
            [
                'Binding'  => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
                'Location' => $sp['acsUrl'],
                'index'    => 0,
            ],
        ],
        'NameIDFormat' => $sp['nameIdFormat'] ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        'simplesaml.nameidattribute' => $sp['nameIdAttribute'] ?? 'personId',
        'attributes.NameFormat' => 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
        'saml20.sign.response'  => true,
        'saml20.sign.assertion' => true,
        // node-saml AuthnRequests are unsigned unless it is given a private key.
        'validate.authnrequest' => false,
    ];
    if (isset($sp['sloUrl']) && is_string($sp['sloUrl'])) {
        $entry['SingleLogoutService'] = [
            [
                'Binding'  => 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
                'Location' => $sp['sloUrl'],
            ],
        ];
    }
    $entry['sign.logout'] = (bool) ($sp['sign.logout'] ?? true);
    if (isset($sp['certPem']) && is_string($sp['certPem'])) {
        $entry['certData'] = preg_replace('/-----(BEGIN|END) CERTIFICATE-----|\s+/', '', $sp['certPem']);
        $entry['validate.logout'] = (bool) ($sp['validate.logout'] ?? true);
    } else {
        $entry['validate.logout'] = (bool) ($sp['validate.logout'] ?? false);
    }
    if (isset($sp['attributes']) && is_array($sp['attributes'])) {
        $entry['attributes'] = $sp['attributes'];
    }
    $metadata[$sp['entityId']] = $entry;
}
