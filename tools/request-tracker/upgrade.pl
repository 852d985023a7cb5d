# Brings an existing Switchboard RT database up to what the Request Tracker adapter needs, idempotently:
# databases made by an earlier initialdata.pl (or by hand) lack these. Run by setup-rt.sh at install,
# start and reset:  perl -I/usr/share/request-tracker5/lib upgrade.pl [database file]
# Prints one line per change on stderr; no output when everything is already in place. Steps: 1 Switchboard
# Key, 2 ReplyToTicket for requestors, 3-5, 7 and 8 webhook scrip keys, 6 the example fields for field sync,
# 9 Switchboard Key for the API user only, 10 no requestor notification scrips on the channel queues.
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT->Config->Set( DatabaseName => $ARGV[0] ) if $ARGV[0];
RT::Init();

my @queues = ( 'Support', 'Sales' );
my $system = RT->SystemUser;
my $api_user = $ENV{RT_API_USER} || 'switchboard';    # the adapter's apiUser

# 1. Transaction custom field "Switchboard Key": the idempotency key of each internal note the adapter
#    writes through REST2 (customer messages carry theirs in the Message-ID header instead).
my $cf = RT::CustomField->new($system);
$cf->LoadByCols( Name => 'Switchboard Key', LookupType => 'RT::Queue-RT::Ticket-RT::Transaction', Disabled => 0 );
unless ( $cf->Id ) {
    my ( $ok, $msg ) = $cf->Create(
        Name        => 'Switchboard Key',
        Type        => 'FreeformSingle',
        LookupType  => 'RT::Queue-RT::Ticket-RT::Transaction',
        Description => 'Switchboard: idempotency key of a note written by the bridge',
    );
    die "creating custom field Switchboard Key: $msg\n" unless $ok;
    print STDERR "created transaction custom field Switchboard Key\n";
}
for my $name (@queues) {
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    next unless $queue->Id;
    next if $cf->IsAdded( $queue->Id );
    my ( $ok, $msg ) = $cf->AddToObject($queue);
    die "applying Switchboard Key to queue $name: $msg\n" unless $ok;
    print STDERR "applied Switchboard Key to queue $name\n";
}

# 2. Requestors may reply to their tickets: the adapter posts customer messages through RT's mail gateway
#    as the requester (so RT records the customer as the author), and the gateway checks this right.
for my $name (@queues) {
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    next unless $queue->Id;
    my $role = $queue->RoleGroup('Requestor');
    $role = RT::Group->new($system), $role->CreateRoleGroup( Object => $queue, Name => 'Requestor' )
        unless $role && $role->Id;
    next if $role->PrincipalObj->HasRight( Right => 'ReplyToTicket', Object => $queue );
    my ( $ok, $msg ) = $role->PrincipalObj->GrantRight( Right => 'ReplyToTicket', Object => $queue );
    die "granting ReplyToTicket to the Requestor role of $name: $msg\n" unless $ok;
    print STDERR "granted ReplyToTicket to requestors of queue $name\n";
}

# 3. The webhook scrip tells whether the author is privileged (only privileged users' correspondence is an
#    agent reply: customers are unprivileged) and sends the HTML of HTML-only messages (RT's rich-text
#    editor), which the adapter turns into text itself.
my $scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /creator_privileged/ ) {
    my $code = $scrip->CustomCommitCode;
    $code =~ s/(\n([ \t]*)creator[ \t]*=>[ \t]*\$txn->CreatorObj->Name,)/$1\n$2creator_privileged => \$txn->CreatorObj->Privileged ? JSON::true : JSON::false,/
        or die "the Switchboard webhook scrip has no 'creator => \$txn->CreatorObj->Name,' line to extend\n";
    $code =~ s/(\n([ \t]*)\$body\{content\} = \$txn->Content\(Type => 'text\/plain'\);)/$1\n$2my \$part = \$txn->ContentObj;\n$2\$body{content_html} = \$part->Content if \$part && lc(\$part->ContentType) eq 'text\/html';/
        or die "the Switchboard webhook scrip has no '\$body{content} = ...' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added creator_privileged and content_html\n";
}

# 4. The webhook scrip sends merges (AddLink MergedInto, whose new value names the surviving ticket) and
#    the conversation id: the ticket's own, else that of the first ticket merged into it that has one.
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /conversation_id/ ) {
    my $code = $scrip->CustomCommitCode;
    my $block = <<'BLOCK';
# The conversation of this ticket: its own Conversation Id, else that of the first ticket merged into it
# that has one (RT shows a merged ticket's transactions under the surviving ticket).
my $conversation = ref $cf{'Conversation Id'} ? $cf{'Conversation Id'}[0] : $cf{'Conversation Id'};
unless (defined $conversation && length $conversation) {
    for my $id (sort { $a <=> $b } grep { $_ != $ticket->Id } $ticket->Merged) {
        my $merged = RT::Ticket->new(RT->SystemUser);
        $merged->LoadByCols(id => $id);
        my $value = $merged->Id ? $merged->FirstCustomFieldValue('Conversation Id') : undef;
        if (defined $value && length $value) { $conversation = $value; last }
    }
}
BLOCK
    $code =~ s/(\nmy \@requestors = [^\n]*\n)/$1$block/
        or die "the Switchboard webhook scrip has no 'my \@requestors = ...' line to extend\n";
    $code =~ s/\|SetWatcher\)\$\//|SetWatcher|AddLink)\$\//
        or die "the Switchboard webhook scrip has no transaction type list ending in SetWatcher\n";
    $code =~ s/(\n([ \t]*)custom_fields[ \t]*=>[ \t]*\\%cf,)/$1\n$2conversation_id => \$conversation,/
        or die "the Switchboard webhook scrip has no 'custom_fields => \\%cf,' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added merges (AddLink) and conversation_id\n";
}

# 5. The webhook scrip sends the transaction's own ticket (ObjectId): RT runs a merged ticket's batch with
#    the surviving ticket (it loads tickets by their EffectiveId), so ticket_id alone names the survivor.
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /object_id/ ) {
    my $code = $scrip->CustomCommitCode;
    $code =~ s/(\n([ \t]*)transaction_id[ \t]*=>[ \t]*\$txn->Id \+ 0,)/$1\n$2object_id      => \$txn->ObjectId + 0,/
        or die "the Switchboard webhook scrip has no 'transaction_id => \$txn->Id + 0,' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added object_id\n";
}

# 6. Example fields for field sync (the docs map them): ticket custom fields Last Order Date, Last Order Status
#    and Labels (multiple values) applied to the queues, and the user custom fields Customer Email (the
#    customer's real address: RT's EmailAddress holds the adapter's .invalid placeholder) and Preferred
#    Language. Existing fields of these names are kept as they are.
my @fields = (
    [ 'Last Order Date',    'DateTime', 1, 'RT::Queue-RT::Ticket', [] ],
    [ 'Last Order Status',  'Select',   1, 'RT::Queue-RT::Ticket', [qw(placed paid fulfilled cancelled refunded)] ],
    [ 'Labels',             'Freeform', 0, 'RT::Queue-RT::Ticket', [] ],
    [ 'Customer Email',     'Freeform', 1, 'RT::User', [] ],
    [ 'Preferred Language', 'Freeform', 1, 'RT::User', [] ],
);
for my $field (@fields) {
    my ( $name, $type, $max, $lookup, $values ) = @$field;
    my $cf = RT::CustomField->new($system);
    $cf->LoadByCols( Name => $name, LookupType => $lookup, Disabled => 0 );
    unless ( $cf->Id ) {
        my ( $ok, $msg ) = $cf->Create( Name => $name, Type => $type, MaxValues => $max, LookupType => $lookup,
            Description => "Switchboard: $name" );
        die "creating custom field $name: $msg\n" unless $ok;
        my $order = 0;
        for my $value (@$values) {
            my ( $added, $why ) = $cf->AddValue( Name => $value, SortOrder => $order++ );
            die "adding value $value to custom field $name: $why\n" unless $added;
        }
        print STDERR "created custom field $name ($lookup)\n";
    }
    if ( $lookup eq 'RT::User' ) {
        next if $cf->IsAdded(0);
        my ( $ok, $msg ) = $cf->AddToObject( RT::User->new($system) );
        die "applying $name to users: $msg\n" unless $ok;
        print STDERR "applied $name to users\n";
        next;
    }
    for my $name_of_queue (@queues) {
        my $queue = RT::Queue->new($system);
        $queue->Load($name_of_queue);
        next unless $queue->Id;
        next if $cf->IsAdded( $queue->Id ) || $cf->IsGlobal;
        my ( $ok, $msg ) = $cf->AddToObject($queue);
        die "applying $name to queue $name_of_queue: $msg\n" unless $ok;
        print STDERR "applied $name to queue $name_of_queue\n";
    }
}

# 7. The webhook scrip sends the definition of a changed custom field (field_id, field_type,
#    field_max_values): a multi-value field's FieldChange carries its whole list (from custom_fields), and
#    the adapter reads neither the field nor the ticket back while RT waits for the answer.
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /field_max_values/ ) {
    my $code = $scrip->CustomCommitCode;
    my $line = '@body{qw(field_id field_type field_max_values)} = ($f->Id + 0, $f->Type, $f->MaxValues + 0) if $f->Id;';
    $code =~ s/(\n([ \t]*)\$body\{field\} = \$f->Name if \$f->Id;)/$1\n$2$line/
        or die "the Switchboard webhook scrip has no '\$body{field} = \$f->Name if \$f->Id;' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added field_id, field_type and field_max_values\n";
}

# 8. The webhook scrip sends the Message-ID of a message's mail (message_id, without angle brackets):
#    replies the bridge recorded for an agent (inbox view, already sent to the customer) carry
#    sb.<hex>@switchboard.invalid, and the adapter never takes them for an agent's reply (echo loop).
$scrip = RT::Scrip->new($system);
$scrip->LoadByCols( Description => 'Switchboard webhook' );
if ( $scrip->Id && ( $scrip->CustomCommitCode // '' ) !~ /message_id/ ) {
    my $code  = $scrip->CustomCommitCode;
    my $block = <<'BLOCK';
# The mail's Message-ID (RT makes one for web and REST replies): the bridge's own messages carry
# sb.<hex>@switchboard.invalid, which the adapter never takes for an agent's reply.
my $top = $txn->Attachments->First;
my $message_id = $top ? $top->GetHeader('Message-ID') : undef;
if (defined $message_id) { $message_id =~ s/^\s+|\s+$//g; $message_id =~ s/^<(.*)>$/$1/; }
$body{message_id} = defined $message_id && length $message_id ? $message_id : undef;
BLOCK
    $code =~ s/(\n([ \t]*)\$body\{content\} = \$txn->Content\(Type => 'text\/plain'\);)/
        my ($line, $indent) = ($1, $2); $line . join('', map { "\n$indent$_" } split m{\n}, $block)/e
        or die "the Switchboard webhook scrip has no '\$body{content} = ...' line to extend\n";
    my ( $ok, $msg ) = $scrip->SetCustomCommitCode($code);
    die "updating the Switchboard webhook scrip: $msg\n" unless $ok;
    print STDERR "webhook scrip: added message_id\n";
}

# 9. "Switchboard Key" is the API user's alone: RT puts a transaction custom field that a user may modify
#    on every reply and comment form (Ticket/Update.html) and shows its values in the history to those who
#    may see it. Queue-wide SeeCustomField/ModifyCustomField cover every field of the queue, this one too,
#    so on the channel queues they become grants on each of the queue's other fields (same principals),
#    and the API user gets both on Switchboard Key itself (superusers need nothing).
my $key_field = RT::CustomField->new($system);
$key_field->LoadByCols( Name => 'Switchboard Key', LookupType => 'RT::Queue-RT::Ticket-RT::Transaction', Disabled => 0 );
my $api = RT::User->new($system);
$api->Load($api_user);
# RT grants a user's rights to the user's ACL-equivalence group.
my $is_api = sub {
    my $group = $_[0]->IsGroup ? $_[0]->Object : undef;
    return $api->Id && $group && $group->Domain eq 'ACLEquivalence' && $group->Instance == $api->Id;
};
my $who = sub {
    my $group = $_[0]->IsGroup ? $_[0]->Object : undef;
    return 'principal ' . $_[0]->Id unless $group;
    return $group->Domain eq 'ACLEquivalence' ? 'user #' . $group->Instance : 'group ' . $group->Name;
};
for my $name (@queues) {
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    next unless $queue->Id && $key_field->Id;
    my @fields = grep { $_->Id != $key_field->Id }
        @{ $queue->TicketCustomFields->ItemsArrayRef }, @{ $queue->TicketTransactionCustomFields->ItemsArrayRef };
    for my $right (qw(SeeCustomField ModifyCustomField)) {
        my $aces = RT::ACL->new($system);
        $aces->LimitToObject($queue);
        $aces->Limit( FIELD => 'RightName', VALUE => $right );
        for my $ace ( @{ $aces->ItemsArrayRef } ) {
            my $principal = $ace->PrincipalObj;
            next if $is_api->($principal);
            if ( $principal->IsGroup && $principal->Object->Domain =~ /-Role$/ ) {
                print STDERR "warning: the role " . $principal->Object->Name . " has $right on queue $name, which"
                    . " shows Switchboard Key to its members: move it to single fields in the admin UI\n";
                next;
            }
            for my $field (@fields) {
                my $held = RT::ACE->new($system);
                $held->LoadByValues( PrincipalId => $principal->Id, PrincipalType => $ace->PrincipalType,
                    RightName => $right, Object => $field );
                next if $held->Id;
                my ( $ok, $msg ) = $principal->GrantRight( Right => $right, Object => $field );
                die "granting $right on custom field " . $field->Name . ": $msg\n" unless $ok;
            }
            my ( $ok, $msg ) = $principal->RevokeRight( Right => $right, Object => $queue );
            die "revoking $right on queue $name: $msg\n" unless $ok;
            print STDERR "$right on queue $name of " . $who->($principal)
                . " replaced by the same right on its " . scalar(@fields) . " other custom fields\n";
        }
    }
}
if ( $api->Id && $key_field->Id ) {
    for my $right (qw(SeeCustomField ModifyCustomField)) {
        my $held = RT::ACE->new($system);
        $held->LoadByValues( PrincipalId => $api->PrincipalObj->Id, PrincipalType => 'User', RightName => $right,
            Object => $key_field );
        next if $held->Id;
        my ( $ok, $msg ) = $api->PrincipalObj->GrantRight( Right => $right, Object => $key_field );
        die "granting $right on Switchboard Key to $api_user: $msg\n" unless $ok;
        print STDERR "granted $right on Switchboard Key to $api_user\n";
    }
}
# Rights granted system-wide reach every field; that is a choice for the admin to make, not for a script.
for my $right (qw(SeeCustomField ModifyCustomField)) {
    my $aces = RT::ACL->new($system);
    $aces->LimitToObject($RT::System);
    $aces->Limit( FIELD => 'RightName', VALUE => $right );
    for my $ace ( @{ $aces->ItemsArrayRef } ) {
        next if $is_api->( $ace->PrincipalObj );
        print STDERR "warning: $right is granted globally to " . $who->( $ace->PrincipalObj )
            . ": its holders see Switchboard Key on reply forms too\n";
    }
}

# 10. RT's notification scrips that mail requestors (their action's Argument names Requestor, or All:
#     Autoreply To Requestors, Notify Requestors and Ccs, Notify Requestors, ... and the "as Comment"
#     variants) no longer apply to the channel queues, whose requesters are answered on their channel and
#     have .invalid placeholder addresses: a global one is applied to every other queue instead (RT 5
#     applies scrips per queue, ObjectId 0 = global), one applied to a channel queue is taken off it.
#     A queue created later does not get them by itself (Admin > Queues > Scrips).
my %channel;
for my $name (@queues) {
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    $channel{ $queue->Id } = $name if $queue->Id;
}
my $all_queues = RT::Queues->new($system);
$all_queues->FindAllRows;
$all_queues->UnLimit;
my @other_queues = grep { !$channel{ $_->Id } } @{ $all_queues->ItemsArrayRef };
my $scrips = RT::Scrips->new($system);
$scrips->FindAllRows;
$scrips->UnLimit;
for my $notify ( @{ $scrips->ItemsArrayRef } ) {
    next unless ( $notify->ActionObj->Argument // '' ) =~ /(^|,)\s*(Requestors?|All)\s*(,|$)/;
    $RT::Handle->BeginTransaction;    # never left applied nowhere
    if ( my $global = $notify->IsAdded(0) ) {
        my ( $stage, $order ) = ( $global->Stage, $global->SortOrder );    # same place among the scrips
        my ( $ok, $msg ) = $notify->RemoveFromObject(0);
        die "scrip " . $notify->Description . ": $msg\n" unless $ok;
        for my $queue (@other_queues) {
            ( $ok, $msg ) = $notify->AddToObject( ObjectId => $queue->Id, Stage => $stage, SortOrder => $order );
            die "scrip " . $notify->Description . " on queue " . $queue->Name . ": $msg\n" unless $ok;
        }
        print STDERR "scrip '" . $notify->Description . "' applies to every queue but "
            . join( ', ', sort values %channel ) . " instead of globally\n";
    }
    for my $id ( sort keys %channel ) {
        next unless $notify->IsAdded($id);
        my ( $ok, $msg ) = $notify->RemoveFromObject($id);
        die "scrip " . $notify->Description . " off queue $channel{$id}: $msg\n" unless $ok;
        print STDERR "scrip '" . $notify->Description . "' no longer applies to queue $channel{$id}\n";
    }
    $RT::Handle->Commit;
}
