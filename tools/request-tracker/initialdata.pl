# Initial data for the Request Tracker 5 used by Switchboard's integration tests and demo.
# (upgrade.pl adds the Switchboard-adapter parts marked below to databases made without them.)
# Loaded by setup-rt.sh once per fresh database:
#   rt-setup-database-5 --action insert --skip-create --datafile initialdata.pl
# The channel queues: conversation tickets live here (Sales for sales conversations).
my @channel_queues = ( 'Support', 'Sales' );

# The ticket custom fields agents see and edit: granted one by one (not queue-wide), so that the
# transaction field "Switchboard Key" stays the API user's alone (upgrade.pl step 9).
my @agent_fields = ( 'Channel', 'Customer Phone', 'Conversation Id', 'Order Number', 'Last Order Number',
    'Last Order Total', 'First Response Seconds', 'Conversation Status', 'Last Order Date', 'Last Order Status',
    'Labels' );

@Queues = (
    { Name => 'Support', Description => 'Customer conversations from WhatsApp and social channels',
      CorrespondAddress => '', CommentAddress => '' },
    { Name => 'Sales', Description => 'Sales conversations', CorrespondAddress => '', CommentAddress => '' },
);

@Groups = ( { Name => 'Support agents', Description => 'Agents answering customers' } );

@Users = (
    # The bridge's API user (REST2 token: setup-rt.sh token).
    { Name => 'switchboard', EmailAddress => 'switchboard@example.invalid', RealName => 'Switchboard bridge',
      Password => 'switchboard-pass', Privileged => 1 },
    { Name => 'agent1', EmailAddress => 'agent1@example.invalid', RealName => 'Agent One',
      Password => 'agent1-pass', Privileged => 1 },
    { Name => 'agent2', EmailAddress => 'agent2@example.invalid', RealName => 'Agent Two',
      Password => 'agent2-pass', Privileged => 1 },
);

@Members = (
    { Group => 'Support agents', Class => 'RT::User', Name => 'agent1' },
    { Group => 'Support agents', Class => 'RT::User', Name => 'agent2' },
);

# Custom fields can only be created here or in the UI: REST2 can set their values but not create them.
@CustomFields = (
    map( { { Name => $_, Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket',
             ApplyTo => [ 'Support', 'Sales' ], Description => "Switchboard: $_" } }
         'Channel', 'Customer Phone', 'Conversation Id', 'Order Number', 'Last Order Number',
         'Last Order Total', 'First Response Seconds' ),
    { Name => 'Conversation Status', Type => 'SelectSingle', LookupType => 'RT::Queue-RT::Ticket',
      ApplyTo => [ 'Support', 'Sales' ], Description => 'Switchboard: Conversation Status',
      Values => [ { Name => 'open' }, { Name => 'pending' }, { Name => 'closed' } ] },
    # Sync examples (upgrade.pl step 6 adds them to older databases): an order summary and labels.
    { Name => 'Last Order Date', Type => 'DateTimeSingle', LookupType => 'RT::Queue-RT::Ticket',
      ApplyTo => [ 'Support', 'Sales' ], Description => 'Switchboard: Last Order Date' },
    { Name => 'Last Order Status', Type => 'SelectSingle', LookupType => 'RT::Queue-RT::Ticket',
      ApplyTo => [ 'Support', 'Sales' ], Description => 'Switchboard: Last Order Status',
      Values => [ map { { Name => $_ } } qw(placed paid fulfilled cancelled refunded) ] },
    { Name => 'Labels', Type => 'FreeformMultiple', LookupType => 'RT::Queue-RT::Ticket',
      ApplyTo => [ 'Support', 'Sales' ], Description => 'Switchboard: Labels' },
    map( { { Name => $_, Type => 'FreeformSingle', LookupType => 'RT::User', ApplyTo => [ 0 ],
             Description => "Switchboard: $_" } }
         'WhatsApp Id', 'Preferred Language', 'Customer Email' ),
    # Adapter: idempotency key of each internal note the bridge writes (REST2 TxnCustomFields). Only the
    # API user may see or set it (no queue-wide SeeCustomField/ModifyCustomField for agents, see @ACL):
    # RT shows a transaction field it may modify on every reply/comment form, and its values in history.
    { Name => 'Switchboard Key', Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket-RT::Transaction',
      ApplyTo => [ 'Support', 'Sales' ], Description => 'Switchboard: idempotency key of a note written by the bridge' },
);

@ACL = (
    # The API user is a superuser in this test RT. A production RT would grant only: SeeQueue ShowTicket
    # CreateTicket ReplyToTicket CommentOnTicket ModifyTicket OwnTicket ShowTicketComments SeeCustomField
    # ModifyCustomField AdminUsers ShowUserHistory (+ ManageAuthTokens to hold a token).
    { UserId => 'switchboard', Right => 'SuperUser' },
    map( { { GroupId => 'Support agents', GroupDomain => 'UserDefined', Queue => $_->[0], Right => $_->[1] } }
         map { my $q = $_; map { [ $q, $_ ] } qw(SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket
           OwnTicket TakeTicket StealTicket ModifyTicket ShowTicketComments ShowOutgoingEmail) } @channel_queues ),
    # Custom field rights per field, not per queue: a queue-wide right would cover "Switchboard Key" too.
    map( { { GroupId => 'Support agents', GroupDomain => 'UserDefined', CF => $_, LookupType => 'RT::Queue-RT::Ticket',
             Right => [ 'SeeCustomField', 'ModifyCustomField' ] } } @agent_fields ),
    # The API user's own field (it is a superuser here; a production API user needs these rights).
    { UserId => 'switchboard', CF => 'Switchboard Key', LookupType => 'RT::Queue-RT::Ticket-RT::Transaction',
      Right => [ 'SeeCustomField', 'ModifyCustomField' ] },
    { GroupId => 'Support agents', GroupDomain => 'UserDefined', Right => 'ModifySelf' },
    { GroupId => 'Support agents', GroupDomain => 'UserDefined', Right => 'ManageAuthTokens' },
    # Adapter: customer messages enter through the mail gateway as the requester, which needs this right.
    map( { { GroupDomain => 'RT::Queue-Role', GroupType => 'Requestor', Queue => $_, Right => 'ReplyToTicket' } }
         @channel_queues ),
);

# One scrip posts every ticket change as signed JSON to $SwitchboardWebhookURL (written by
# setup-rt.sh start), once per request and after the changes are stored (TransactionBatch stage).
@Scrips = (
    {
        Description       => 'Switchboard webhook',
        ScripCondition    => 'User Defined',
        ScripAction       => 'User Defined',
        Template          => 'Blank',
        Stage             => 'TransactionBatch',
        CustomIsApplicableCode => 'return 1;',
        CustomPrepareCode => 'return 1;',
        CustomCommitCode  => <<'PERL',
use HTTP::Tiny; use JSON (); use Digest::SHA qw(hmac_sha256_hex);
my $url    = RT->Config->Get('SwitchboardWebhookURL') or return 1;
my $secret = RT->Config->Get('SwitchboardWebhookSecret') // '';
my $ticket = $self->TicketObj;
my $http   = HTTP::Tiny->new(timeout => 5, proxy => undef, http_proxy => undef, https_proxy => undef);
my %cf;
my $cfs = $ticket->CustomFields;
while (my $f = $cfs->Next) {
    my @v = map { $_->Content } @{ $ticket->CustomFieldValues($f->Id)->ItemsArrayRef };
    $cf{ $f->Name } = @v > 1 ? \@v : $v[0] if @v;
}
my @requestors = map { $_->Name } @{ $ticket->Requestors->UserMembersObj->ItemsArrayRef };
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
for my $txn (@{ $ticket->TransactionBatch || [ $self->TransactionObj ] }) {
    my $type = $txn->Type;
    next unless $type =~ /^(Create|Correspond|Comment|Set|Status|Give|Take|Steal|Untake|CustomField|AddWatcher|DelWatcher|SetWatcher|AddLink)$/;
    my %body = (
        event          => $type,
        ticket_id      => $ticket->Id + 0,
        transaction_id => $txn->Id + 0,
        object_id      => $txn->ObjectId + 0,
        queue          => $ticket->QueueObj->Name,
        owner          => $ticket->OwnerObj->Name,
        status         => $ticket->Status,
        subject        => $ticket->Subject,
        requestors     => \@requestors,
        creator        => $txn->CreatorObj->Name,
        creator_privileged => $txn->CreatorObj->Privileged ? JSON::true : JSON::false,
        created        => $txn->CreatedObj->W3CDTF(Timezone => 'UTC'),
        field          => $txn->Field,
        old_value      => $txn->OldValue,
        new_value      => $txn->NewValue,
        custom_fields  => \%cf,
        conversation_id => $conversation,
    );
    if ($type eq 'CustomField') {
        my $f = RT::CustomField->new(RT->SystemUser); $f->Load($txn->Field);
        $body{field} = $f->Name if $f->Id;
        # The field's definition, so the adapter can tell multi-value fields (whose value is the list in
        # custom_fields) and files without calling RT back.
        @body{qw(field_id field_type field_max_values)} = ($f->Id + 0, $f->Type, $f->MaxValues + 0) if $f->Id;
    }
    if ($type =~ /^(Create|Correspond|Comment)$/) {
        $body{content} = $txn->Content(Type => 'text/plain');
        # The mail's Message-ID (RT makes one for web and REST replies): the bridge's own messages carry
        # sb.<hex>@switchboard.invalid, which the adapter never takes for an agent's reply.
        my $top = $txn->Attachments->First;
        my $message_id = $top ? $top->GetHeader('Message-ID') : undef;
        if (defined $message_id) { $message_id =~ s/^\s+|\s+$//g; $message_id =~ s/^<(.*)>$/$1/; }
        $body{message_id} = defined $message_id && length $message_id ? $message_id : undef;
        my $part = $txn->ContentObj;
        $body{content_html} = $part->Content if $part && lc($part->ContentType) eq 'text/html';
        $body{attachments} = [ map { { id => $_->Id + 0, filename => $_->Filename, content_type => $_->ContentType } }
            grep { defined $_->Filename && length $_->Filename } @{ $txn->Attachments->ItemsArrayRef } ];
    }
    my $json = JSON->new->utf8->canonical->encode(\%body);
    my $res = $http->post($url, { content => $json, headers => {
        'Content-Type'   => 'application/json',
        'X-RT-Event'     => $type,
        'X-RT-Signature' => 'sha256=' . hmac_sha256_hex($json, $secret) } });
    RT->Logger->warning("Switchboard webhook: HTTP $res->{status} $res->{reason} for transaction " . $txn->Id . " to $url")
        unless $res->{success};
}
return 1;
PERL
    },
);

# RT's own notification scrips that mail requestors (their action's Argument names Requestor, or All)
# apply to every queue except the channel queues: channel customers are answered on their channel, and
# their RT addresses are .invalid placeholders (upgrade.pl step 10 does the same to existing databases).
@Final = (
    sub {
        my $system = RT->SystemUser;
        my %channel;
        for my $name (@channel_queues) {
            my $queue = RT::Queue->new($system);
            $queue->Load($name);
            $channel{ $queue->Id } = 1 if $queue->Id;
        }
        my $others = RT::Queues->new($system);
        $others->FindAllRows;
        $others->UnLimit;
        my @others = grep { !$channel{ $_->Id } } @{ $others->ItemsArrayRef };
        my $scrips = RT::Scrips->new($system);
        $scrips->FindAllRows;
        $scrips->UnLimit;
        for my $scrip ( @{ $scrips->ItemsArrayRef } ) {
            next unless ( $scrip->ActionObj->Argument // '' ) =~ /(^|,)\s*(Requestors?|All)\s*(,|$)/;
            my $global = $scrip->IsAdded(0) or next;
            my ( $stage, $order ) = ( $global->Stage, $global->SortOrder );    # same place among the scrips
            my ( $ok, $msg ) = $scrip->RemoveFromObject(0);
            die "scrip " . $scrip->Description . ": $msg\n" unless $ok;
            for my $queue (@others) {
                ( $ok, $msg ) = $scrip->AddToObject( ObjectId => $queue->Id, Stage => $stage, SortOrder => $order );
                die "scrip " . $scrip->Description . " on queue " . $queue->Name . ": $msg\n" unless $ok;
            }
        }
    },
);
