"""translations of content people supply

Revision ID: 866619160480
Revises: d36fd880184b
Create Date: 2026-12-03 07:41:18.986226
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.models.base

revision: str = '866619160480'
down_revision: str | None = 'd36fd880184b'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('content_translation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('source_language', sa.String(length=8), nullable=False),
    sa.Column('source_hash', sa.String(length=64), nullable=False),
    sa.Column('translated_by_account_id', sa.Integer(), nullable=True),
    sa.Column('translated_by', sa.String(length=200), nullable=False),
    sa.Column('updated_at', db.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(trim(text)) > 0', name=op.f('ck_content_translation_text_not_blank')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_content_translation_initiative_id_initiative'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['translated_by_account_id'], ['account.id'], name=op.f('fk_content_translation_translated_by_account_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_content_translation')),
    sa.UniqueConstraint('kind', 'entity_id', 'field', 'language', name=op.f('uq_content_translation_kind_entity_id_field_language'))
    )
    with op.batch_alter_table('content_translation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_content_translation_initiative_id'), ['initiative_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('content_translation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_content_translation_initiative_id'))

    op.drop_table('content_translation')
