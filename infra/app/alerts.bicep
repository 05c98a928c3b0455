// What watches the app from outside it: an action group (mail and SMS to the operators) and log alert rules over the
// business counts the worker sends to Application Insights (OpenTelemetry metrics, names in PipelineMetrics.cs) and the
// platform's own records of function runs. A rule fires on facts the app reported, or on their absence.
param name string
param location string
param tags object
param appInsightsId string

@description('Addresses mailed by every alert.')
param operatorEmails array

@description('Phones texted by every alert: [{ countryCode: \'86\', phoneNumber: \'13800000000\' }].')
param operatorPhones array

@description('The hour (UTC) by which a working day\'s scan must have ended: 2 is 10:00 Beijing, when the prefecture\'s offices open.')
@minValue(0)
@maxValue(23)
param scanDueUtcHour int

@description('Mail or chat failures of one kind within an hour above which the operators are alerted.')
param deliveryFailureThreshold int

@description('Failed function runs within an hour above which the operators are alerted.')
param functionFailureThreshold int

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'approvalwat'
    enabled: true
    emailReceivers: [for (address, i) in operatorEmails: {
      name: 'mail-${i}'
      emailAddress: address
      useCommonAlertSchema: true
    }]
    smsReceivers: [for (phone, i) in operatorPhones: {
      name: 'sms-${i}'
      countryCode: phone.countryCode
      phoneNumber: phone.phoneNumber
    }]
  }
}

var rules = [
  {
    name: 'scan-not-finished'
    severity: 1
    description: 'No daily scan ended today by the offices\' opening: no scan finished and no day off recorded. Nobody gets a digest until it runs (approvalwatch scan).'
    frequency: 'PT15M'
    window: 'P1D'
    query: 'let due = startofday(now()) + ${scanDueUtcHour}h;\ncustomMetrics\n| where timestamp >= startofday(now()) and name == "approvalwatch.scan.runs"\n| summarize runs = count()\n| where now() > due and runs == 0'
  }
  {
    name: 'poison-messages'
    severity: 2
    description: 'Messages in the poison queues (ingest, notify or scan): a file, a mail or a shard failed five times. approvalwatch status names them.'
    frequency: 'PT15M'
    window: 'PT30M'
    query: 'customMetrics\n| where name == "approvalwatch.poison.messages"\n| summarize poisoned = max(value)\n| where poisoned > 0'
  }
  {
    name: 'function-failures'
    severity: 2
    description: 'Function runs failed above the threshold within an hour.'
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'requests\n| where success == false\n| summarize failures = count() by operation_Name\n| where failures > ${functionFailureThreshold}'
  }
  {
    name: 'delivery-failures'
    severity: 2
    description: 'Mails or chat posts of one kind failed above the threshold within an hour (SendGrid, SMTP or a group robot refusing).'
    frequency: 'PT15M'
    window: 'PT1H'
    query: 'customMetrics\n| where name == "approvalwatch.mail.failed"\n| summarize failures = sum(valueSum) by kind = tostring(customDimensions.kind)\n| where failures > ${deliveryFailureThreshold}'
  }
  {
    name: 'ingestion-stalled'
    severity: 2
    description: 'Department files stalled in ingestion (past their claim or queued again), or no gathering has run for half an hour.'
    frequency: 'PT15M'
    window: 'PT30M'
    query: 'customMetrics\n| where name == "approvalwatch.ingestions.stalled"\n| summarize stalled = max(value), probes = count()\n| where probes == 0 or stalled > 0'
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in rules: {
  name: '${name}-${rule.name}'
  location: location
  tags: tags
  properties: {
    displayName: 'ApprovalWatch: ${rule.name}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [ appInsightsId ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [ operators.id ] }
  }
}]

output actionGroupId string = operators.id
