CREATE SCHEMA "sample_bank";
--> statement-breakpoint
CREATE TABLE "brands" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "data_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kek_id" text NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" "bytea" NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"brand_id" text,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" "bytea" NOT NULL,
	"hash" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "outbox_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"brand_id" text NOT NULL,
	"type" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"failed_at" timestamp with time zone,
	CONSTRAINT "outbox_events_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."brands" (
	"brand_id" text PRIMARY KEY NOT NULL,
	"brand_name" text NOT NULL,
	"company_cnpj" text NOT NULL,
	"compe_code" text NOT NULL,
	"ispb" text NOT NULL,
	"seed" integer NOT NULL,
	"population" text NOT NULL,
	"customers" integer NOT NULL,
	"as_of" date NOT NULL,
	"history_months" integer NOT NULL,
	"families" text[] NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."customers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"customer_index" integer NOT NULL,
	"person_type" text NOT NULL,
	"document_hash" "bytea" NOT NULL,
	"document_enc" "bytea" NOT NULL,
	"name_enc" "bytea" NOT NULL,
	"social_name_enc" "bytea",
	"birth_date_enc" "bytea" NOT NULL,
	"addresses_enc" "bytea" NOT NULL,
	"phones_enc" "bytea" NOT NULL,
	"emails_enc" "bytea" NOT NULL,
	"identification_enc" "bytea" NOT NULL,
	"qualification_enc" "bytea" NOT NULL,
	"relationship_started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."procurators" (
	"brand_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"type" text NOT NULL,
	"document_hash" "bytea" NOT NULL,
	"document_enc" "bytea" NOT NULL,
	"civil_name_enc" "bytea" NOT NULL,
	"social_name_enc" "bytea",
	CONSTRAINT "procurators_pkey" PRIMARY KEY("customer_id","position")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"type" text NOT NULL,
	"subtype" text NOT NULL,
	"branch_code" text NOT NULL,
	"number" text NOT NULL,
	"check_digit" text NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"history_start" date NOT NULL,
	"opening_balance" numeric(17, 2) NOT NULL,
	"available_amount" numeric(17, 2) NOT NULL,
	"blocked_amount" numeric(17, 2) NOT NULL,
	"automatically_invested_amount" numeric(17, 2) NOT NULL,
	"overdraft_contracted_limit" numeric(17, 2),
	"balance_updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."counterparties" (
	"brand_id" text NOT NULL,
	"id" integer NOT NULL,
	"kind" text NOT NULL,
	"person_type" text NOT NULL,
	"name" text,
	"partie_enc" "bytea" NOT NULL,
	CONSTRAINT "counterparties_pkey" PRIMARY KEY("brand_id","id")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."transactions" (
	"brand_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"transaction_id" text NOT NULL,
	"transaction_date_time" timestamp (3) with time zone NOT NULL,
	"completed_authorised_payment_type" text NOT NULL,
	"credit_debit_type" text NOT NULL,
	"type" text NOT NULL,
	"transaction_name" text NOT NULL,
	"amount" numeric(17, 2) NOT NULL,
	"counterparty_id" integer,
	CONSTRAINT "transactions_pkey" PRIMARY KEY("account_id","transaction_date_time","transaction_id")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_card_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"product_type" text NOT NULL,
	"product_additional_info" text,
	"credit_card_network" text NOT NULL,
	"network_additional_info" text,
	"payment_methods" jsonb NOT NULL,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"due_day" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_card_bills" (
	"id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"closing_date" date NOT NULL,
	"due_date" date NOT NULL,
	"bill_total_amount" numeric(17, 2) NOT NULL,
	"bill_minimum_amount" numeric(17, 2) NOT NULL,
	"is_instalment" boolean NOT NULL,
	"currency" text NOT NULL,
	"finance_charges" jsonb NOT NULL,
	"payments" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_card_limits" (
	"account_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"brand_id" text NOT NULL,
	"credit_line_limit_type" text NOT NULL,
	"consolidation_type" text NOT NULL,
	"identification_number" text NOT NULL,
	"line_name" text,
	"line_name_additional_info" text,
	"is_limit_flexible" boolean NOT NULL,
	"limit_amount" numeric(17, 2),
	"limit_amount_reason" text,
	"used_amount" numeric(17, 2) NOT NULL,
	"available_amount" numeric(17, 2),
	"customized_limit_amount" numeric(17, 2),
	"currency" text NOT NULL,
	CONSTRAINT "credit_card_limits_account_id_position_pk" PRIMARY KEY("account_id","position")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_card_transactions" (
	"brand_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"transaction_id" text NOT NULL,
	"transaction_date_time" timestamp (3) with time zone NOT NULL,
	"bill_id" text,
	"identification_number" text NOT NULL,
	"transaction_name" text NOT NULL,
	"credit_debit_type" text NOT NULL,
	"transaction_type" text NOT NULL,
	"transactional_additional_info" text,
	"payment_type" text,
	"fee_type" text,
	"fee_type_additional_info" text,
	"other_credits_type" text,
	"other_credits_additional_info" text,
	"charge_identificator" smallint,
	"charge_number" smallint,
	"amount" numeric(17, 2) NOT NULL,
	"currency" text NOT NULL,
	"brazilian_amount" numeric(17, 2) NOT NULL,
	"bill_post_date" date,
	"payee_mcc" integer,
	CONSTRAINT "credit_card_transactions_account_id_transaction_date_time_transaction_id_pk" PRIMARY KEY("account_id","transaction_date_time","transaction_id")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"operation_type" text NOT NULL,
	"product_key" text NOT NULL,
	"product_type" text NOT NULL,
	"product_sub_type" text NOT NULL,
	"product_sub_type_category" text,
	"product_name" text NOT NULL,
	"contract_number" text NOT NULL,
	"ipoc_code_enc" "bytea" NOT NULL,
	"contract_date" date NOT NULL,
	"disbursement_dates" date[] NOT NULL,
	"settlement_date" date,
	"contract_amount" numeric(17, 2) NOT NULL,
	"currency" text NOT NULL,
	"due_date" date NOT NULL,
	"instalment_periodicity" text NOT NULL,
	"first_instalment_due_date" date,
	"cet" numeric(12, 6) NOT NULL,
	"has_insurance_contracted" boolean NOT NULL,
	"amortization_scheduled" text NOT NULL,
	"cnpj_consignee" text,
	"interest_rates" jsonb NOT NULL,
	"contracted_fees" jsonb NOT NULL,
	"contracted_finance_charges" jsonb NOT NULL,
	"schedule_kind" text NOT NULL,
	"period_rate" double precision NOT NULL,
	"monthly_rate" double precision NOT NULL,
	"instalments" integer NOT NULL,
	"period_months" smallint NOT NULL,
	"balloon_amount" numeric(17, 2) NOT NULL,
	"instalment_fee_amount" numeric(17, 2) NOT NULL,
	"used_amount" numeric(17, 2) NOT NULL,
	"paid_before_history" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_contract_releases" (
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"brand_id" text NOT NULL,
	"payment_id" text NOT NULL,
	"is_over_parcel_payment" boolean NOT NULL,
	"instalment_number" integer,
	"paid_date" date NOT NULL,
	"paid_amount" numeric(17, 2) NOT NULL,
	"currency" text NOT NULL,
	"over_parcel" jsonb,
	CONSTRAINT "credit_contract_releases_contract_id_position_pk" PRIMARY KEY("contract_id","position")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."credit_contract_warranties" (
	"contract_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"brand_id" text NOT NULL,
	"warranty_type" text NOT NULL,
	"warranty_sub_type" text NOT NULL,
	"warranty_amount" numeric(17, 2) NOT NULL,
	"currency" text NOT NULL,
	CONSTRAINT "credit_contract_warranties_contract_id_position_pk" PRIMARY KEY("contract_id","position")
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."pix_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"ispb" text NOT NULL,
	"issuer" text,
	"number" text NOT NULL,
	"account_type" text NOT NULL,
	"owner_name_enc" "bytea" NOT NULL,
	"owner_document_enc" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_bank"."pix_transfers" (
	"brand_id" text NOT NULL,
	"end_to_end_id" text NOT NULL,
	"debtor_account_id" uuid NOT NULL,
	"debtor_customer_id" uuid NOT NULL,
	"amount" numeric(17, 2) NOT NULL,
	"creditor_ispb" text NOT NULL,
	"creditor_issuer" text,
	"creditor_number" text NOT NULL,
	"creditor_account_type" text NOT NULL,
	"outcome" text NOT NULL,
	"status" text NOT NULL,
	"rejection_code" text,
	"rejection_detail" text,
	"booked_at" timestamp (3) with time zone,
	"submitted_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "pix_transfers_pkey" PRIMARY KEY("brand_id","end_to_end_id"),
	CONSTRAINT "pix_transfers_rejection_check" CHECK (("sample_bank"."pix_transfers"."status" = 'REJECTED') = ("sample_bank"."pix_transfers"."rejection_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "consent_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"consent_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"request_date_time" timestamp with time zone NOT NULL,
	"expiration_date_time" timestamp with time zone,
	"previous_expiration_date_time" timestamp with time zone,
	"logged_user_document" "bytea" NOT NULL,
	"logged_user_rel" text NOT NULL,
	"customer_ip_address" "bytea" NOT NULL,
	"customer_user_agent" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_resources" (
	"consent_id" text NOT NULL,
	"brand_id" text NOT NULL,
	"type" text NOT NULL,
	"resource_id" text NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "consent_resources_consent_id_type_resource_id_pk" PRIMARY KEY("consent_id","type","resource_id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"consent_id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"status" text NOT NULL,
	"permissions" text[] NOT NULL,
	"creation_date_time" timestamp with time zone NOT NULL,
	"status_update_date_time" timestamp with time zone NOT NULL,
	"expiration_date_time" timestamp with time zone,
	"logged_user_document" "bytea" NOT NULL,
	"logged_user_rel" text NOT NULL,
	"logged_user_hash" "bytea" NOT NULL,
	"business_entity_document" "bytea",
	"business_entity_rel" text,
	"business_entity_hash" "bytea",
	"rejected_by" text,
	"rejection_reason_code" text,
	"rejection_additional_information" text,
	"is_linked" boolean,
	"customer_id" text,
	"customer_person_type" text,
	CONSTRAINT "consents_status_check" CHECK ("consents"."status" IN ('AWAITING_AUTHORISATION', 'AUTHORISED', 'REJECTED')),
	CONSTRAINT "consents_rejection_check" CHECK (("consents"."status" = 'REJECTED') = ("consents"."rejected_by" IS NOT NULL AND "consents"."rejection_reason_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "authz_consent_grants" (
	"brand_id" text NOT NULL,
	"consent_id" text NOT NULL,
	"grant_id" text NOT NULL,
	"client_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "authz_consent_grants_brand_id_consent_id_grant_id_pk" PRIMARY KEY("brand_id","consent_id","grant_id")
);
--> statement-breakpoint
CREATE TABLE "oidc_payloads" (
	"brand_id" text NOT NULL,
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "oidc_payloads_brand_id_model_id_pk" PRIMARY KEY("brand_id","model","id")
);
--> statement-breakpoint
CREATE TABLE "holder_traffic_counters" (
	"brand_id" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "holder_traffic_counters_brand_id_kind_key_window_start_pk" PRIMARY KEY("brand_id","kind","key","window_start")
);
--> statement-breakpoint
CREATE TABLE "payment_consents" (
	"consent_id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"status" text NOT NULL,
	"creation_date_time" timestamp with time zone NOT NULL,
	"status_update_date_time" timestamp with time zone NOT NULL,
	"expiration_date_time" timestamp with time zone NOT NULL,
	"request_enc" "bytea" NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"local_instrument" text NOT NULL,
	"payment_dates" date[] NOT NULL,
	"scheduled" text NOT NULL,
	"payments_created" smallint DEFAULT 0 NOT NULL,
	"customer_id" text,
	"customer_person_type" text,
	"debtor_account_id" text,
	"debtor_account_enc" "bytea",
	"rejection_code" text,
	"rejection_detail" text,
	CONSTRAINT "payment_consents_status_check" CHECK ("payment_consents"."status" IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED', 'REJECTED', 'CONSUMED')),
	CONSTRAINT "payment_consents_rejection_check" CHECK (("payment_consents"."status" = 'REJECTED') = ("payment_consents"."rejection_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "payment_idempotency" (
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"endpoint" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" smallint NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_idempotency_brand_id_client_id_endpoint_key_pk" PRIMARY KEY("brand_id","client_id","endpoint","key")
);
--> statement-breakpoint
CREATE TABLE "payment_jtis" (
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_jtis_brand_id_client_id_jti_pk" PRIMARY KEY("brand_id","client_id","jti")
);
--> statement-breakpoint
CREATE TABLE "payment_webhook_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_webhook_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"resource" text NOT NULL,
	"resource_id" text NOT NULL,
	"url" text NOT NULL,
	"interaction_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" smallint,
	"error" text,
	"outcome" text NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pix_payments" (
	"payment_id" text PRIMARY KEY NOT NULL,
	"brand_id" text NOT NULL,
	"client_id" text NOT NULL,
	"consent_id" text NOT NULL,
	"end_to_end_id" text NOT NULL,
	"status" text NOT NULL,
	"creation_date_time" timestamp with time zone NOT NULL,
	"status_update_date_time" timestamp with time zone NOT NULL,
	"local_instrument" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"scheduled_date" date,
	"details_enc" "bytea" NOT NULL,
	"debtor_account_enc" "bytea" NOT NULL,
	"customer_id" text NOT NULL,
	"customer_person_type" text NOT NULL,
	"debtor_account_id" text NOT NULL,
	"payer_ref" "bytea" NOT NULL,
	"creditor_ref" "bytea" NOT NULL,
	"risk_score" smallint,
	"risk_reasons" jsonb,
	"rejection_code" text,
	"rejection_detail" text,
	"cancellation_enc" "bytea",
	"settlement_attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "pix_payments_status_check" CHECK ("pix_payments"."status" IN ('RCVD', 'CANC', 'ACCP', 'ACPD', 'RJCT', 'ACSC', 'PDNG', 'SCHD')),
	CONSTRAINT "pix_payments_rejection_check" CHECK (("pix_payments"."status" = 'RJCT') = ("pix_payments"."rejection_code" IS NOT NULL)),
	CONSTRAINT "pix_payments_cancellation_check" CHECK (("pix_payments"."status" = 'CANC') = ("pix_payments"."cancellation_enc" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "receiver_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"authorisation_server_id" text NOT NULL,
	"consent_id" text NOT NULL,
	"kind" text DEFAULT 'DATA' NOT NULL,
	"status" text NOT NULL,
	"data_groups" text[] NOT NULL,
	"permissions" text[] NOT NULL,
	"document_encrypted" "bytea" NOT NULL,
	"document_hash" "bytea" NOT NULL,
	"expiration_date_time" timestamp with time zone,
	"redirect_uri" text NOT NULL,
	"state" text,
	"nonce" text,
	"code_verifier" "bytea",
	"access_token" "bytea",
	"access_token_expires_at" timestamp with time zone,
	"refresh_token" "bytea",
	"auth_time" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receiver_consents_status_check" CHECK ("receiver_consents"."status" IN ('AWAITING_AUTHORISATION', 'AUTHORISED', 'REJECTED', 'REVOKED', 'ACCESS_LOST', 'CONSUMED')),
	CONSTRAINT "receiver_consents_kind_check" CHECK ("receiver_consents"."kind" IN ('DATA', 'PAYMENT')),
	CONSTRAINT "receiver_consents_tokens_check" CHECK ("receiver_consents"."status" <> 'AUTHORISED' OR ("receiver_consents"."access_token" IS NOT NULL AND "receiver_consents"."access_token_expires_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "receiver_payment_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_encrypted" "bytea" NOT NULL,
	"holder_status" text NOT NULL,
	"auto_initiate" boolean DEFAULT false NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receiver_payment_consents_holder_status_check" CHECK ("receiver_payment_consents"."holder_status" IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED', 'REJECTED', 'CONSUMED'))
);
--> statement-breakpoint
CREATE TABLE "receiver_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consent_row_id" uuid NOT NULL,
	"org_id" text NOT NULL,
	"consent_id" text NOT NULL,
	"payment_id" text,
	"end_to_end_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_encrypted" "bytea" NOT NULL,
	"status" text NOT NULL,
	"rejection_reason" text,
	"last_error" text,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receiver_payments_status_check" CHECK ("receiver_payments"."status" IN ('PENDING', 'RCVD', 'ACCP', 'ACPD', 'ACSC', 'PDNG', 'SCHD', 'RJCT', 'CANC')),
	CONSTRAINT "receiver_payments_sent_check" CHECK ("receiver_payments"."status" = 'PENDING' OR "receiver_payments"."payment_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "receiver_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"software_statement_id" text NOT NULL,
	"org_id" text NOT NULL,
	"authorisation_server_id" text NOT NULL,
	"discovery_url" text NOT NULL,
	"status" text NOT NULL,
	"client_id" text,
	"registration_access_token" "bytea",
	"registration_client_uri" text,
	"metadata" jsonb,
	"holder_name" text,
	"ssa_fingerprint" text,
	"status_reason" text,
	"last_error" text,
	"synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receiver_registrations_status_check" CHECK ("receiver_registrations"."status" IN ('REGISTERED', 'FAILED', 'DELETED')),
	CONSTRAINT "receiver_registrations_registered_check" CHECK ("receiver_registrations"."status" <> 'REGISTERED' OR ("receiver_registrations"."client_id" IS NOT NULL AND "receiver_registrations"."registration_access_token" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "consent_extensions" ADD CONSTRAINT "consent_extensions_consent_id_consents_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("consent_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_resources" ADD CONSTRAINT "consent_resources_consent_id_consents_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("consent_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pix_payments" ADD CONSTRAINT "pix_payments_consent_id_payment_consents_consent_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."payment_consents"("consent_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receiver_consents" ADD CONSTRAINT "receiver_consents_registration_id_receiver_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."receiver_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receiver_payment_consents" ADD CONSTRAINT "receiver_payment_consents_id_receiver_consents_id_fk" FOREIGN KEY ("id") REFERENCES "public"."receiver_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receiver_payments" ADD CONSTRAINT "receiver_payments_consent_row_id_receiver_consents_id_fk" FOREIGN KEY ("consent_row_id") REFERENCES "public"."receiver_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_one_active_per_purpose" ON "data_keys" USING btree ("purpose") WHERE "data_keys"."retired_at" IS NULL;--> statement-breakpoint
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" USING btree ("seq") WHERE "outbox_events"."published_at" IS NULL AND "outbox_events"."failed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "outbox_events_pending_aggregate_idx" ON "outbox_events" USING btree ("brand_id","aggregate_type","aggregate_id","seq") WHERE "outbox_events"."published_at" IS NULL AND "outbox_events"."failed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "outbox_events_published_at_idx" ON "outbox_events" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_brand_document_hash" ON "sample_bank"."customers" USING btree ("brand_id","document_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_brand_index" ON "sample_bank"."customers" USING btree ("brand_id","customer_index");--> statement-breakpoint
CREATE INDEX "procurators_brand_document_hash" ON "sample_bank"."procurators" USING btree ("brand_id","document_hash");--> statement-breakpoint
CREATE INDEX "accounts_brand_customer" ON "sample_bank"."accounts" USING btree ("brand_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_brand_branch_number" ON "sample_bank"."accounts" USING btree ("brand_id","branch_code","number");--> statement-breakpoint
CREATE INDEX "credit_card_accounts_brand_customer" ON "sample_bank"."credit_card_accounts" USING btree ("brand_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "credit_card_bills_account_due" ON "sample_bank"."credit_card_bills" USING btree ("account_id","due_date");--> statement-breakpoint
CREATE INDEX "credit_contracts_brand_customer_type" ON "sample_bank"."credit_contracts" USING btree ("brand_id","customer_id","operation_type","id");--> statement-breakpoint
CREATE INDEX "pix_transfers_pending_idx" ON "sample_bank"."pix_transfers" USING btree ("submitted_at") WHERE "sample_bank"."pix_transfers"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "consent_extensions_consent_idx" ON "consent_extensions" USING btree ("consent_id","request_date_time");--> statement-breakpoint
CREATE INDEX "consent_resources_brand_resource_idx" ON "consent_resources" USING btree ("brand_id","type","resource_id");--> statement-breakpoint
CREATE INDEX "consents_brand_logged_user_idx" ON "consents" USING btree ("brand_id","logged_user_hash");--> statement-breakpoint
CREATE INDEX "consents_brand_business_entity_idx" ON "consents" USING btree ("brand_id","business_entity_hash") WHERE "consents"."business_entity_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "consents_awaiting_idx" ON "consents" USING btree ("creation_date_time") WHERE "consents"."status" = 'AWAITING_AUTHORISATION';--> statement-breakpoint
CREATE INDEX "consents_expiring_idx" ON "consents" USING btree ("expiration_date_time") WHERE "consents"."status" <> 'REJECTED' AND "consents"."expiration_date_time" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "authz_consent_grants_grant_idx" ON "authz_consent_grants" USING btree ("brand_id","grant_id");--> statement-breakpoint
CREATE INDEX "oidc_payloads_grant_idx" ON "oidc_payloads" USING btree ("brand_id","grant_id") WHERE "oidc_payloads"."grant_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "oidc_payloads_uid_idx" ON "oidc_payloads" USING btree ("brand_id","model","uid") WHERE "oidc_payloads"."uid" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "oidc_payloads_user_code_idx" ON "oidc_payloads" USING btree ("brand_id","model","user_code") WHERE "oidc_payloads"."user_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "oidc_payloads_expires_at_idx" ON "oidc_payloads" USING btree ("expires_at") WHERE "oidc_payloads"."expires_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "oidc_payloads_client_software_uq" ON "oidc_payloads" USING btree ("brand_id",("payload"->>'software_id')) WHERE "oidc_payloads"."model" = 'Client';--> statement-breakpoint
CREATE INDEX "holder_traffic_counters_window_idx" ON "holder_traffic_counters" USING btree ("kind","window_start");--> statement-breakpoint
CREATE INDEX "payment_consents_expiring_idx" ON "payment_consents" USING btree ("expiration_date_time") WHERE "payment_consents"."status" IN ('AWAITING_AUTHORISATION', 'PARTIALLY_ACCEPTED', 'AUTHORISED');--> statement-breakpoint
CREATE INDEX "payment_idempotency_expires_idx" ON "payment_idempotency" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "payment_jtis_expires_idx" ON "payment_jtis" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "payment_webhook_attempts_resource_idx" ON "payment_webhook_attempts" USING btree ("brand_id","resource_id","attempted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pix_payments_brand_e2e_uq" ON "pix_payments" USING btree ("brand_id","end_to_end_id");--> statement-breakpoint
CREATE INDEX "pix_payments_consent_idx" ON "pix_payments" USING btree ("consent_id");--> statement-breakpoint
CREATE INDEX "pix_payments_payer_idx" ON "pix_payments" USING btree ("brand_id","payer_ref","creation_date_time");--> statement-breakpoint
CREATE INDEX "pix_payments_open_idx" ON "pix_payments" USING btree ("status_update_date_time") WHERE "pix_payments"."status" IN ('RCVD', 'ACCP', 'ACPD');--> statement-breakpoint
CREATE INDEX "pix_payments_scheduled_idx" ON "pix_payments" USING btree ("scheduled_date") WHERE "pix_payments"."status" = 'SCHD';--> statement-breakpoint
CREATE UNIQUE INDEX "receiver_consents_state_idx" ON "receiver_consents" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "receiver_consents_holder_consent_idx" ON "receiver_consents" USING btree ("authorisation_server_id","consent_id");--> statement-breakpoint
CREATE INDEX "receiver_consents_document_idx" ON "receiver_consents" USING btree ("document_hash");--> statement-breakpoint
CREATE INDEX "receiver_consents_refresh_idx" ON "receiver_consents" USING btree ("access_token_expires_at") WHERE "receiver_consents"."status" = 'AUTHORISED';--> statement-breakpoint
CREATE UNIQUE INDEX "receiver_payments_consent_idx" ON "receiver_payments" USING btree ("consent_row_id");--> statement-breakpoint
CREATE UNIQUE INDEX "receiver_payments_holder_payment_idx" ON "receiver_payments" USING btree ("org_id","payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "receiver_registrations_server_idx" ON "receiver_registrations" USING btree ("software_statement_id","authorisation_server_id");