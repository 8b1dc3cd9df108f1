"""Synthetic common transfer files shaped as the DfE CTF specification lays them out.

Every person here is made up; the UPNs are built with valid check letters and LA codes.
"""

from __future__ import annotations

from apdesk.models.upn import make_upn

UPN = make_upn(855, 4002, 19, 41)
FORMER_UPN = make_upn(856, 2010, 18, 7, temporary=True)
SIBLING_UPN = make_upn(855, 4002, 19, 42)


def header(dest_lea: str = "855", dest_estab: str = "4001") -> str:
    return f"""
  <Header>
    <DocumentName>Common Transfer File</DocumentName>
    <CTFversion>25.0</CTFversion>
    <DateTime>2025-03-01T10:15:00</DateTime>
    <DocumentQualifier>full</DocumentQualifier>
    <SupplierID>SYNTHETIC</SupplierID>
    <SourceSchool>
      <LEA>855</LEA>
      <Estab>4002</Estab>
      <URN>990002</URN>
      <SchoolName>Synthetic Primary School</SchoolName>
      <AcademicYear>2024</AcademicYear>
    </SourceSchool>
    <DestSchool>
      <LEA>{dest_lea}</LEA>
      <Estab>{dest_estab}</Estab>
    </DestSchool>
  </Header>"""


LOOKED_AFTER = """
      <LookedAfter>
        <InCare>true</InCare>
        <CareAuthority>855</CareAuthority>
      </LookedAfter>"""

SEN_HISTORY = """
      <SENhistory>
        <SEN>
          <StartDate>2021-09-01</StartDate>
          <SENprovision>K</SENprovision>
        </SEN>
        <SEN>
          <StartDate>2023-11-20</StartDate>
          <SENprovision>E</SENprovision>
          <SENneeds>
            <SENneed>
              <NeedStartDate>2023-11-20</NeedStartDate>
              <SENtypeRank>2</SENtypeRank>
              <SENtype>SLCN</SENtype>
            </SENneed>
            <SENneed>
              <NeedStartDate>2023-11-20</NeedStartDate>
              <SENtypeRank>1</SENtypeRank>
              <SENtype>SEMH</SENtype>
            </SENneed>
            <SENneed>
              <NeedStartDate>2021-09-01</NeedStartDate>
              <NeedEndDate>2023-07-20</NeedEndDate>
              <SENtypeRank>3</SENtypeRank>
              <SENtype>MLD</SENtype>
            </SENneed>
          </SENneeds>
        </SEN>
      </SENhistory>"""

ADDRESS = """
      <Address>
        <BS7666Address>
          <SAON>Flat 2</SAON>
          <PAON>14</PAON>
          <Street>Larkspur Road</Street>
          <Locality>Eastfield</Locality>
          <Town>Melton Mowbray</Town>
          <AdministrativeArea>Leicestershire</AdministrativeArea>
          <PostTown>Melton Mowbray</PostTown>
          <UniquePropertyReferenceNumber>100030000001</UniquePropertyReferenceNumber>
        </BS7666Address>
        <PostCode>LE13 0ZZ</PostCode>
        <Easting>475000</Easting>
        <Northing>319000</Northing>
      </Address>"""

PHONES = """
      <Phones>
        <Phone><TelephoneType>H</TelephoneType><PhoneNo>01664 496000</PhoneNo></Phone>
      </Phones>
      <Email>rowan.pupil@example.org</Email>"""

CONTACTS = """
      <Contacts>
        <Contact>
          <Order>1</Order>
          <Title>Mrs</Title>
          <Surname>Khan</Surname>
          <Forename>Amira</Forename>
          <Gender>F</Gender>
          <Relationship>PAR</Relationship>
          <Responsibility>true</Responsibility>
          <Address><SameAsPupil>true</SameAsPupil></Address>
          <Phones>
            <Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900123</PhoneNo></Phone>
            <Phone><TelephoneType>W</TelephoneType><PhoneNo>0116 496 0111</PhoneNo></Phone>
          </Phones>
          <Email>amira.khan@example.org</Email>
        </Contact>
        <Contact>
          <Order>2</Order>
          <Title>Mr</Title>
          <Surname>Okafor</Surname>
          <Forename>Daniel</Forename>
          <Relationship>PAR</Relationship>
          <Responsibility>true</Responsibility>
          <Address>
            <BS7666Address>
              <PAON>3</PAON>
              <Street>Quarry Lane</Street>
              <Town>Loughborough</Town>
            </BS7666Address>
            <PostCode>LE11 9ZZ</PostCode>
          </Address>
          <Phones>
            <Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900456</PhoneNo></Phone>
          </Phones>
        </Contact>
        <Contact>
          <Order>3</Order>
          <Title>Ms</Title>
          <Surname>Barrow</Surname>
          <Forename>Jo</Forename>
          <Relationship>SWR</Relationship>
          <Responsibility>false</Responsibility>
          <Phones>
            <Phone><TelephoneType>W</TelephoneType><PhoneNo>0116 305 0000</PhoneNo></Phone>
          </Phones>
        </Contact>
      </Contacts>"""


def pupil(
    *,
    upn: str = UPN,
    looked_after: str = LOOKED_AFTER,
    sen: str = SEN_HISTORY,
    address: str = ADDRESS,
    phones: str = PHONES,
    contacts: str = CONTACTS,
    basic_extra: str = "",
) -> str:
    return f"""
    <Pupil>
      <UPN>{upn}</UPN>
      <UniqueLearnerNumber>9999999999</UniqueLearnerNumber>
      <UCI>UCI-SYNTHETIC-0001</UCI>
      <Surname>Okafor</Surname>
      <Forename>Rowan</Forename>
      <DOB>2012-05-14</DOB>
      <Sex>M</Sex>
      <BasicDetails>
        <FormerUPN>{FORMER_UPN}</FormerUPN>
        <PreferredSurname>Okafor</PreferredSurname>
        <PreferredForename>Ro</PreferredForename>
        <MiddleNames>Chidi James</MiddleNames>
        <NCyearActual>8</NCyearActual>
        <Ethnicity>MWBA</Ethnicity>
        <EthnicitySource>P</EthnicitySource>
        <Languages><Type><LanguageType>F</LanguageType><Language>ENG</Language></Type></Languages>
        <MedicalFlag>true</MedicalFlag>
        <EnrolStatus>C</EnrolStatus>{basic_extra}
      </BasicDetails>{looked_after}
      <FSMhistory><FSMinstance><FSMstartDate>2022-01-10</FSMstartDate>
        <UKcountry>ENG</UKcountry></FSMinstance></FSMhistory>{sen}{address}{phones}{contacts}
      <Attendance><YearData><Year>2024</Year><SessionsPossible>120</SessionsPossible>
        <SessionsAuthorised>4</SessionsAuthorised></YearData></Attendance>
    </Pupil>"""


def ctf_file(*pupils: str, dest_lea: str = "855", dest_estab: str = "4001") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<CTfile>'
        + header(dest_lea, dest_estab)
        + "\n  <CTFpupilData>"
        + "".join(pupils)
        + "\n  </CTFpupilData>\n</CTfile>\n"
    ).encode()
