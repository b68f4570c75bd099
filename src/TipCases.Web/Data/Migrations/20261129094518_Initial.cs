using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace TipCases.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    entity_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "offices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reference_counters", x => new { x.office_id, x.kind, x.year });
                    table.ForeignKey(
                        name: "fk_reference_counters_offices_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_offices_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    approach = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    origin = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    involves_organized_criminal_group = table.Column<bool>(type: "boolean", nullable: false),
                    involves_task_force = table.Column<bool>(type: "boolean", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    offence_from = table.Column<DateOnly>(type: "date", nullable: true),
                    offence_to = table.Column<DateOnly>(type: "date", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', reference || ' ' || title)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_cases_offices_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cases_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    office_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pseudonym = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    identity_ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    sex = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    nationality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    migration_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    disability = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    interpreter_needed = table.Column<bool>(type: "boolean", nullable: false),
                    languages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    exploitation = table.Column<string[]>(type: "text[]", nullable: false),
                    identified_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    identified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    referred_to = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    willingness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    liaison_officer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    child_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    child_status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    age_at_offence = table.Column<int>(type: "integer", nullable: true),
                    non_punishment_flagged = table.Column<bool>(type: "boolean", nullable: false),
                    non_punishment_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    non_punishment_review = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victims", x => x.id);
                    table.ForeignKey(
                        name: "fk_victims_offices_office_id",
                        column: x => x.office_id,
                        principalTable: "offices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_victims_users_liaison_officer_id",
                        column: x => x.liaison_officer_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_links_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_links_cases_linked_case_id",
                        column: x => x.linked_case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_stage_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_stage_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_stage_changes_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_tasks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_tasks_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    is_lead = table.Column<bool>(type: "boolean", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_team_members_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_team_members_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_victims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_victims", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_victims_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_case_victims_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victim_compensation_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    route = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    heads = table.Column<string[]>(type: "text[]", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    amount_claimed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    amount_awarded = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    amount_paid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_compensation_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_compensation_claims_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_victim_compensation_claims_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victim_information_given",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    topic = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    informed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    channel_confirmed_safe = table.Column<bool>(type: "boolean", nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_information_given", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_information_given_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_victim_information_given_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victim_protection_measures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    proposed_automatically = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_protection_measures", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_protection_measures_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victim_residence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    risk_assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_residence", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_residence_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victim_support_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    took_place_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    next_follow_up_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_support_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_support_steps_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_victim_support_steps_users_by_user_id",
                        column: x => x.by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_victim_support_steps_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "victim_threats",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    victim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    reported_to_police = table.Column<bool>(type: "boolean", nullable: false),
                    by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    safety_review_task_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_victim_threats", x => x.id);
                    table.ForeignKey(
                        name: "fk_victim_threats_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_victim_threats_victims_victim_id",
                        column: x => x.victim_id,
                        principalTable: "victims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_actor_id_occurred_at",
                table: "audit_events",
                columns: new[] { "actor_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_case_id_occurred_at",
                table: "audit_events",
                columns: new[] { "case_id", "occurred_at" },
                filter: "case_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_entity_type_entity_id",
                table: "audit_events",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at_id",
                table: "audit_events",
                columns: new[] { "occurred_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_victim_id_occurred_at",
                table: "audit_events",
                columns: new[] { "victim_id", "occurred_at" },
                filter: "victim_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_links_case_id_linked_case_id",
                table: "case_links",
                columns: new[] { "case_id", "linked_case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_links_linked_case_id",
                table: "case_links",
                column: "linked_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_stage_changes_case_id_at",
                table: "case_stage_changes",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_assignee_id_due_on",
                table: "case_tasks",
                columns: new[] { "assignee_id", "due_on" },
                filter: "done_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_case_tasks_case_id_due_on",
                table: "case_tasks",
                columns: new[] { "case_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_case_id_user_id",
                table: "case_team_members",
                columns: new[] { "case_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_case_team_members_user_id_case_id",
                table: "case_team_members",
                columns: new[] { "user_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_victims_case_id",
                table: "case_victims",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_victims_victim_id_case_id",
                table: "case_victims",
                columns: new[] { "victim_id", "case_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_created_by",
                table: "cases",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_opened_on_id",
                table: "cases",
                columns: new[] { "office_id", "opened_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_office_id_stage",
                table: "cases",
                columns: new[] { "office_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_reference",
                table: "cases",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cases_search_vector",
                table: "cases",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_offices_code",
                table: "offices",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_offices_name",
                table: "offices",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_office_id_user_name",
                table: "users",
                columns: new[] { "office_id", "user_name" });

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_victim_compensation_claims_case_id",
                table: "victim_compensation_claims",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_compensation_claims_victim_id",
                table: "victim_compensation_claims",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_information_given_case_id",
                table: "victim_information_given",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_information_given_victim_id",
                table: "victim_information_given",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_protection_measures_victim_id_stage",
                table: "victim_protection_measures",
                columns: new[] { "victim_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_victim_residence_expires_on",
                table: "victim_residence",
                column: "expires_on");

            migrationBuilder.CreateIndex(
                name: "ix_victim_residence_victim_id",
                table: "victim_residence",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_by_user_id",
                table: "victim_support_steps",
                column: "by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_case_id",
                table: "victim_support_steps",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_next_follow_up_on",
                table: "victim_support_steps",
                column: "next_follow_up_on");

            migrationBuilder.CreateIndex(
                name: "ix_victim_support_steps_victim_id_took_place_on",
                table: "victim_support_steps",
                columns: new[] { "victim_id", "took_place_on" });

            migrationBuilder.CreateIndex(
                name: "ix_victim_threats_case_id",
                table: "victim_threats",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_victim_threats_victim_id",
                table: "victim_threats",
                column: "victim_id");

            migrationBuilder.CreateIndex(
                name: "ix_victims_liaison_officer_id",
                table: "victims",
                column: "liaison_officer_id");

            migrationBuilder.CreateIndex(
                name: "ix_victims_office_id_child_status",
                table: "victims",
                columns: new[] { "office_id", "child_status" });

            migrationBuilder.CreateIndex(
                name: "ix_victims_pseudonym",
                table: "victims",
                column: "pseudonym",
                unique: true);

            // The audit trail is append-only: whatever role the app connects as, a row once
            // written cannot be changed or removed (TRUNCATE included).
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
                    FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
                CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
                """);

            // At most one lead prosecutor per case, checked at commit (deferred) so that handing
            // the lead from one prosecutor to another in one save is not refused halfway.
            migrationBuilder.Sql("""
                ALTER TABLE case_team_members ADD CONSTRAINT ck_case_team_members_one_lead
                    EXCLUDE USING btree (case_id WITH =) WHERE (is_lead) DEFERRABLE INITIALLY DEFERRED;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE case_team_members DROP CONSTRAINT IF EXISTS ck_case_team_members_one_lead;
                DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
                DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
                DROP FUNCTION IF EXISTS audit_events_refuse_change();
                """);

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "case_links");

            migrationBuilder.DropTable(
                name: "case_stage_changes");

            migrationBuilder.DropTable(
                name: "case_tasks");

            migrationBuilder.DropTable(
                name: "case_team_members");

            migrationBuilder.DropTable(
                name: "case_victims");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "victim_compensation_claims");

            migrationBuilder.DropTable(
                name: "victim_information_given");

            migrationBuilder.DropTable(
                name: "victim_protection_measures");

            migrationBuilder.DropTable(
                name: "victim_residence");

            migrationBuilder.DropTable(
                name: "victim_support_steps");

            migrationBuilder.DropTable(
                name: "victim_threats");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "victims");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "offices");
        }
    }
}
