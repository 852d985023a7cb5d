use strict;
use warnings;

package RT::Extension::Switchboard;

our $VERSION = '0.1.0';

use URI::Escape qw(uri_escape_utf8);

=head1 NAME

RT::Extension::Switchboard - the Switchboard inbox (WhatsApp and social conversations) inside RT

=head1 DESCRIPTION

Switchboard bridges WhatsApp, Messenger and Instagram customers into RT tickets. This extension shows
the bridge's own view of a conversation inside RT, so agents answer without leaving RT or logging in
twice:

=over 4

=item * on the display page of a ticket whose custom field C<Conversation Id> is set, a box
"Switchboard conversation" with the conversation (messages, media, templates, the 24-hour window) in
an C<iframe>;

=item * a top menu entry "Switchboard inbox" for privileged users, opening
F</Switchboard/Inbox.html>: RT's header and menu around the bridge's full inbox.

=back

Each frame's address carries, in its fragment (never sent to a server, removed by the page at once),
a fresh token for the signed-in RT user: an HS256 JWT made with L<Crypt::JWT> and the shared secret
C<$SwitchboardViewSecret>, valid for 300 seconds, with the claims C<iss> (C<request-tracker>),
C<aud> (C<$SwitchboardConnection>), C<sub> (the user's Name), C<name>, C<email>, C<queues> (the
names of the enabled queues where the user has C<ShowTicket>), C<iat>, C<exp> and C<jti>. The bridge
verifies it with the RT connection's option C<agentViewSecret> and shows the agent only the
conversations of those queues.

=head1 RT VERSION

Works with RT 5.0 (tested with 5.0.3).

=head1 INSTALLATION

=over

=item Install L<Crypt::JWT> (Debian/Ubuntu: C<apt-get install libcrypt-jwt-perl>; else C<cpanm Crypt::JWT>)

=item C<perl Makefile.PL>

=item C<make>

=item C<make install>

May need root permissions. Without L<Module::Install::RTx>, copy this directory to RT's local plugin
directory instead (Debian: F</usr/local/share/request-tracker5/plugins/RT-Extension-Switchboard>).

=item Edit your F</opt/rt5/etc/RT_SiteConfig.pm> (Debian: a file in F</etc/request-tracker5/RT_SiteConfig.d/>)

Add this line:

    Plugin('RT::Extension::Switchboard');

and the settings below.

=item Clear your mason cache

    rm -rf /opt/rt5/var/mason_data/obj

(Debian: F</var/cache/request-tracker5/mason_data/obj>)

=item Restart your webserver

=back

=head1 CONFIGURATION

    # Where the bridge runs, as agents' browsers reach it (the page is /inbox/ below it).
    Set($SwitchboardURL, 'https://switchboard.example.com/switchboard');
    # The RT connection's agentViewSecret in the bridge: at least 32 characters.
    Set($SwitchboardViewSecret, 'a long random secret, e.g. from: openssl rand -hex 32');
    # The id of the RT connection in the bridge (default rt): the token's audience.
    Set($SwitchboardConnection, 'rt');

Without C<$SwitchboardURL> or C<$SwitchboardViewSecret> the box says so in one line; nothing else
changes. The bridge must allow RT's origin to frame it: it does for every RT connection whose
C<agentViewSecret> is set (the connection's C<baseUrl>, or C<uiUrl> when agents reach RT at another
address).

Which conversations an agent sees follows RT's rights: the C<ShowTicket> right on a queue (granted to
the user, a group or a role). Changes take effect with the next token, i.e. the next page load.

=head1 AUTHOR

Switchboard

=head1 LICENSE AND COPYRIGHT

This software is free software, licensed under The GNU General Public License, Version 2, June 1991.

=cut

# The secrets never show on Admin > Tools > System Configuration. RT already holds a description of each
# option the site config set (its source): that one is completed, else a new one added.
for my $option (qw(SwitchboardURL SwitchboardViewSecret SwitchboardConnection SwitchboardWebhookSecret)) {
    my %meta = (
        Section   => 'Switchboard',
        Immutable => 1,
        Widget    => '/Widgets/Form/String',
        ( $option =~ /Secret$/ ? ( Obfuscate => sub { return $_[2]->loc('Secret not printed') } ) : () ),
    );
    if ( my $known = RT->Config->Meta($option) ) {
        $known->{$_} //= $meta{$_} for keys %meta;
    }
    else {
        RT->Config->AddOption( Name => $option, %meta );
    }
}

# How long a token lives: long enough to open the frame, short enough not to be a password in a URL
# (the bridge refuses tokens that live longer than 600 s).
our $TOKEN_SECONDS = 300;

=head1 METHODS

=head2 Settings

Returns C<(URL, secret, connection)>, or C<(undef, reason)> when the extension is not configured.

=cut

sub Settings {
    my $url        = RT->Config->Get('SwitchboardURL');
    my $secret     = RT->Config->Get('SwitchboardViewSecret');
    my $connection = RT->Config->Get('SwitchboardConnection');
    $connection = 'rt' unless defined $connection && length $connection;
    return ( undef, 'The Switchboard view is not configured: set $SwitchboardURL and $SwitchboardViewSecret in RT\'s site config.' )
        unless defined $url && length $url && defined $secret && length $secret;
    return ( undef, 'The Switchboard view is not configured: $SwitchboardViewSecret must have at least 32 characters.' )
        if length $secret < 32;
    $url =~ s{/+$}{};
    return ( $url, $secret, $connection );
}

=head2 Queues CURRENTUSER

The names of the enabled queues in which the user has the C<ShowTicket> right: the teams whose
conversations the bridge shows them.

=cut

sub Queues {
    my ( $class, $user ) = @_;
    my $queues = RT::Queues->new( RT->SystemUser );    # all of them, not only those the user may see
    $queues->UnLimit;                                  # enabled queues only (Disabled = 0)
    $queues->OrderBy( FIELD => 'Name' );
    my @names;
    while ( my $queue = $queues->Next ) {
        push @names, $queue->Name if $user->HasRight( Right => 'ShowTicket', Object => $queue );
    }
    return @names;
}

=head2 Token CURRENTUSER, CONNECTION, SECRET

A fresh HS256 JWT for the user (claims in L</DESCRIPTION>), or C<(undef, reason)>.

=cut

sub Token {
    my ( $class, $user, $connection, $secret ) = @_;
    unless ( eval { require Crypt::JWT; require Crypt::PRNG; 1 } ) {
        RT->Logger->error("RT::Extension::Switchboard needs Crypt::JWT: $@");
        return ( undef, 'The Switchboard view needs the Perl module Crypt::JWT (Debian: libcrypt-jwt-perl).' );
    }
    my $record = $user->UserObj;
    my $now    = time;
    my $token  = Crypt::JWT::encode_jwt(
        alg           => 'HS256',
        key           => $secret,
        extra_headers => { typ => 'JWT' },
        payload       => {
            iss    => 'request-tracker',
            aud    => $connection,
            sub    => $record->Name,
            name   => $record->RealName // '',
            email  => $record->EmailAddress // '',
            queues => [ $class->Queues($user) ],
            iat    => $now,
            exp    => $now + $TOKEN_SECONDS,
            jti    => Crypt::PRNG::random_bytes_hex(16),
        },
    );
    return ($token);
}

=head2 FrameURL CurrentUser => USER[, Ticket => TICKET]

The address of the frame: the ticket's conversation when a ticket is given, else the full inbox.
Every query value is URI-escaped; the token travels in the fragment. Returns C<(undef, reason)>
when the extension is not configured.

=cut

sub FrameURL {
    my ( $class, %args ) = @_;
    my ( $url, $secret, $connection ) = $class->Settings;
    return ( undef, $secret ) unless defined $url;    # $secret holds the reason
    my @query = ( crm => $connection );
    if ( my $ticket = $args{Ticket} ) {
        push @query,
            conversation => $class->ConversationId($ticket),
            ticket       => $ticket->id,
            embed        => 'ticket';
    }
    else {
        push @query, embed => 'inbox';
    }
    my ( $token, $why ) = $class->Token( $args{CurrentUser}, $connection, $secret );
    return ( undef, $why ) unless defined $token;
    my @pairs;
    while ( my ( $key, $value ) = splice @query, 0, 2 ) {
        push @pairs, uri_escape_utf8($key) . '=' . uri_escape_utf8($value);
    }
    return "$url/inbox/?" . join( '&', @pairs ) . '#token=' . uri_escape_utf8($token);
}

=head2 ConversationId TICKET

The ticket's C<Conversation Id> as the current user may see it, trimmed, or undef when empty.

=cut

sub ConversationId {
    my ( $class, $ticket ) = @_;
    my $value = $ticket->FirstCustomFieldValue('Conversation Id');
    return undef unless defined $value;
    $value =~ s/^\s+|\s+$//g;
    return length $value ? $value : undef;
}

1;
